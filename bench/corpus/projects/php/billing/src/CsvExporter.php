<?php
declare(strict_types=1);

namespace Acme\Billing;

/** Invoices as CSV rows: number;country;net;tax;gross. */
final class CsvExporter
{
    public function __construct(private readonly string $separator = ';')
    {
    }

    public function row(Invoice $invoice): string
    {
        return implode($this->separator, [
            $invoice->number, $invoice->country,
            $invoice->net()->format(), $invoice->tax()->format(), $invoice->gross()->format(),
        ]);
    }

    /** @param list<Invoice> $invoices */
    public function export(array $invoices): string
    {
        $rows = ['number;country;net;tax;gross'];
        foreach ($invoices as $invoice) {
            $rows[] = $this->row($invoice);
        }
        return implode("\n", $rows) . "\n";
    }
}
