<?php
declare(strict_types=1);

namespace Acme\Billing\Tests;

use Acme\Billing\CsvExporter;
use Acme\Billing\Invoice;
use Acme\Billing\Money;
use PHPUnit\Framework\TestCase;

final class InvoiceTest extends TestCase
{
    private function invoice(): Invoice
    {
        $invoice = new Invoice('INV-2041', 'FR');
        $invoice->addLine('Keyboard', 2, Money::parse('49.90'));
        $invoice->addLine('Cable', 3, Money::parse('4.50'));
        return $invoice;
    }

    public function testNetSumsLines(): void
    {
        $this->assertSame(11330, $this->invoice()->net()->cents);
    }

    public function testTaxUsesCountryRate(): void
    {
        $this->assertSame(2266, $this->invoice()->tax()->cents);
    }

    public function testGrossIsNetPlusTax(): void
    {
        $this->assertSame('135.96 EUR', $this->invoice()->gross()->format());
    }

    public function testRejectsNonPositiveQuantities(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        $this->invoice()->addLine('Nothing', 0, new Money(100));
    }

    public function testVoidSurvivesAFailingNotification(): void
    {
        $invoice = $this->invoice();
        $invoice->void(function (string $number): void {
            throw new \RuntimeException("Bad things happened while notifying the customer about $number");
        });
        $this->assertTrue($invoice->isVoid());
    }

    public function testCsvRow(): void
    {
        $this->assertSame('INV-2041;FR;113.30 EUR;22.66 EUR;135.96 EUR', (new CsvExporter())->row($this->invoice()));
    }

    public function testCsvExportHasHeader(): void
    {
        $csv = (new CsvExporter())->export([$this->invoice()]);
        $this->assertStringStartsWith("number;country;net;tax;gross\n", $csv);
        $this->assertSame(2, substr_count($csv, "\n"));
    }
}
