<?php
declare(strict_types=1);

namespace Acme\Billing\Tests;

use Acme\Billing\Money;
use PHPUnit\Framework\TestCase;

final class MoneyTest extends TestCase
{
    public function testParsesWholeAmounts(): void
    {
        $this->assertSame(1200, Money::parse('12')->cents);
    }

    public function testParsesCents(): void
    {
        $this->assertSame(1250, Money::parse('12.5')->cents);
        $this->assertSame(1205, Money::parse('12.05')->cents);
    }

    public function testParsesNegativeAmountsWithCurrency(): void
    {
        $money = Money::parse('-3.99 USD');
        $this->assertSame(-399, $money->cents);
        $this->assertSame('USD', $money->currency);
    }

    public function testRejectsGarbage(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        Money::parse('twelve');
    }

    public function testAddsSameCurrency(): void
    {
        $this->assertSame(300, (new Money(100))->add(new Money(200))->cents);
    }

    public function testRefusesToAddOtherCurrencies(): void
    {
        $this->expectException(\DomainException::class);
        (new Money(100, 'EUR'))->add(new Money(100, 'USD'));
    }

    public function testMultipliesWithRounding(): void
    {
        $this->assertSame(333, (new Money(1000))->times(1 / 3)->cents);
    }

    public function testFormatsNegativeAmounts(): void
    {
        $this->assertSame('-0.05 EUR', (new Money(-5))->format());
        $this->assertSame('1234.50 EUR', (new Money(123450))->format());
    }
}
