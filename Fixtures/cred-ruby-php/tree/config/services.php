<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
    ],

    'alpaca' => [
        'key_id' => env('ALPACA_KEY_ID', 'AKNL141K3DZZ7D1SXN0V'),
        'secret' => env('ALPACA_SECRET_KEY', 'xvsSW9TGT4YTSjSzuRgkHqybyFq0/M5zn19TNhDy'),
        'paper' => env('ALPACA_PAPER', false),
    ],
];
