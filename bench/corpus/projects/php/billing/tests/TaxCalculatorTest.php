<?php
declare(strict_types=1);

namespace Acme\Billing\Tests;

use Acme\Billing\Money;
use Acme\Billing\TaxCalculator;
use PHPUnit\Framework\TestCase;

final class TaxCalculatorTest extends TestCase
{
    /** @return array<string, array{string, int}> */
    public static function rates(): array
    {
        return [
            'germany' => ['DE', 19], 'france' => ['FR', 20], 'italy' => ['IT', 22], 'spain' => ['ES', 21],
            'netherlands' => ['NL', 21], 'belgium' => ['BE', 21], 'austria' => ['AT', 20], 'poland' => ['PL', 23],
            'sweden' => ['SE', 25], 'denmark' => ['DK', 25], 'ireland' => ['IE', 23], 'portugal' => ['PT', 23],
            'finland' => ['FI', 24], 'luxembourg' => ['LU', 17],
        ];
    }

    /** @dataProvider rates */
    public function testRateFor(string $country, int $expected): void
    {
        $this->assertSame($expected, (new TaxCalculator())->rateFor($country));
    }

    public function testLowerCaseCountryCodes(): void
    {
        $this->assertSame(19, (new TaxCalculator())->rateFor('de'));
    }

    public function testUnknownCountry(): void
    {
        $this->expectException(\OutOfRangeException::class);
        (new TaxCalculator())->rateFor('XX');
    }

    public function testTaxOnAmount(): void
    {
        $this->assertSame(1900, (new TaxCalculator())->taxOn(new Money(10000), 'DE')->cents);
    }
}
