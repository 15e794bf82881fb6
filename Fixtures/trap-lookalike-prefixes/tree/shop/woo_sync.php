<?php
require __DIR__ . '/vendor/autoload.php';

use Automattic\WooCommerce\Client;

$woocommerce = new Client(
    'https://shop.acme.dev',
    'ck_e7783896310e6b7e9387f8d077ebd5395ffc5c87',
    'cs_0c16bcbb46df8c926dc6e6e6aa76b5cfe9d811af',
    ['version' => 'wc/v3']
);

foreach ($woocommerce->get('orders', ['status' => 'processing']) as $order) {
    echo $order->id, "\t", $order->total, "\n";
}
