<?php
declare(strict_types=1);

namespace Acme\Billing;

/** Standard VAT rates (percent) by ISO country code. */
final class TaxCalculator
{
    private const RATES = [
        'DE' => 19, 'FR' => 20, 'IT' => 22, 'ES' => 21, 'NL' => 21,
        'BE' => 21, 'AT' => 20, 'PL' => 23, 'SE' => 25, 'DK' => 25,
        'IE' => 23, 'PT' => 23, 'FI' => 24, 'LU' => 17,
    ];

    public function rateFor(string $country): int
    {
        $code = strtoupper($country);
        if (!isset(self::RATES[$code])) {
            throw new \OutOfRangeException("no VAT rate for '$country'");
        }
        return self::RATES[$code];
    }

    public function taxOn(Money $net, string $country): Money
    {
        return $net->times($this->rateFor($country) / 100);
    }
}
