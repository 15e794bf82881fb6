<?php

use GuzzleHttp\Client;

function alpacaClient(): Client
{
    return new Client([
        'base_uri' => 'https://paper-api.alpaca.markets',
        'headers' => [
            "APCA-API-KEY-ID" => "PKEKMNY7JE6PPIWA5JW8",
            "APCA-API-SECRET-KEY" => "UyotELIootYikvLvpEaZLomqKMEZVKCHYmylHTSU",
        ],
    ]);
}
