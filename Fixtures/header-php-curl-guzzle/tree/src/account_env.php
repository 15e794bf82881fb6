<?php

$ch = curl_init('https://paper-api.alpaca.markets/v2/account');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, [
    'APCA-API-KEY-ID: ' . getenv('APCA_API_KEY_ID'),
    'APCA-API-SECRET-KEY: ' . $_ENV['APCA_API_SECRET_KEY'],
]);
$account = json_decode(curl_exec($ch), true);
curl_close($ch);
