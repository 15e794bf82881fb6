<?php

use GuzzleHttp\Client;

$client = new Client([
    'base_uri' => 'https://api.alpaca.markets',
    'headers' => [
        'APCA-API-KEY-ID' => 'AKO5INZD5SOOCVYT7DKGGAEGLA',
        'APCA-API-SECRET-KEY' => 'CLbV2MWfCFRawDf32uCeUKvGThR7FV3tUiUUaqY7bWF7',
    ],
]);
$orders = json_decode((string) $client->get('/v2/orders')->getBody(), true);
