<?php
declare(strict_types=1);

namespace Acme\Billing;

/** An amount in minor units (cents) of one currency. */
final class Money
{
    public function __construct(public readonly int $cents, public readonly string $currency = 'EUR')
    {
    }

    public static function parse(string $text): self
    {
        if (!preg_match('/^(-)?(\d+)(?:\.(\d{1,2}))?\s*([A-Z]{3})?$/', trim($text), $m)) {
            throw new \InvalidArgumentException("not an amount: '$text'");
        }
        $cents = (int) $m[2] * 100 + (int) str_pad($m[3] ?? '0', 2, '0');
        return new self($m[1] === '-' ? -$cents : $cents, $m[4] ?? 'EUR');
    }

    public function add(Money $other): self
    {
        if ($other->currency !== $this->currency) {
            throw new \DomainException("cannot add {$other->currency} to {$this->currency}");
        }
        return new self($this->cents + $other->cents, $this->currency);
    }

    public function times(float $factor): self
    {
        return new self((int) round($this->cents * $factor), $this->currency);
    }

    public function format(): string
    {
        $sign = $this->cents < 0 ? '-' : '';
        $abs = abs($this->cents);
        return sprintf('%s%d.%02d %s', $sign, intdiv($abs, 100), $abs % 100, $this->currency);
    }
}
