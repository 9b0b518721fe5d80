<?php
// PSR-4 style autoloading without Composer: Acme\Billing\X lives in src/X.php.
spl_autoload_register(function (string $class): void {
    $prefix = 'Acme\\Billing\\';
    if (strncmp($class, $prefix, strlen($prefix)) === 0) {
        $file = __DIR__ . '/../src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});
