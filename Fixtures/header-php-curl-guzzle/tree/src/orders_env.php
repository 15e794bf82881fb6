<?php

use GuzzleHttp\Client;

$client = new Client([
    'base_uri' => 'https://api.alpaca.markets',
    'headers' => [
        'APCA-API-KEY-ID' => $_ENV['APCA_API_KEY_ID'],
        'APCA-API-SECRET-KEY' => getenv('APCA_API_SECRET_KEY'),
    ],
]);
$orders = json_decode((string) $client->get('/v2/orders')->getBody(), true);
