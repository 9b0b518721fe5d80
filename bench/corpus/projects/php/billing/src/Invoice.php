<?php
declare(strict_types=1);

namespace Acme\Billing;

/** An invoice: lines of quantity x unit price, taxed at the customer's country rate. */
final class Invoice
{
    /** @var list<array{string, int, Money}> */
    private array $lines = [];
    private bool $void = false;

    public function __construct(public readonly string $number, public readonly string $country,
                                private readonly TaxCalculator $tax = new TaxCalculator())
    {
    }

    public function addLine(string $description, int $quantity, Money $unit): void
    {
        if ($quantity <= 0) {
            throw new \InvalidArgumentException("quantity must be positive, got $quantity");
        }
        $this->lines[] = [$description, $quantity, $unit];
    }

    public function net(): Money
    {
        $total = new Money(0);
        foreach ($this->lines as [, $quantity, $unit]) {
            $total = $total->add($unit->times($quantity));
        }
        return $total;
    }

    public function tax(): Money
    {
        return $this->tax->taxOn($this->net(), $this->country);
    }

    public function gross(): Money
    {
        return $this->net()->add($this->tax());
    }

    /** Voiding never fails the caller: a failed notification is logged and the invoice is void anyway. */
    public function void(callable $notify): void
    {
        try {
            $notify($this->number);
        } catch (\Throwable $e) {
            error_log(sprintf("[billing] WARN notification for invoice %s failed: %s: %s\n%s",
                $this->number, get_class($e), $e->getMessage(), $e->getTraceAsString()));
        }
        $this->void = true;
    }

    public function isVoid(): bool
    {
        return $this->void;
    }

    public function lineCount(): int
    {
        return count($this->lines);
    }
}
