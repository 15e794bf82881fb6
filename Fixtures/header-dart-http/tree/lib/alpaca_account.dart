import 'dart:convert';

import 'package:http/http.dart' as http;

Future<Map<String, dynamic>> account() async {
  final response = await http.get(
    Uri.parse('https://paper-api.alpaca.markets/v2/account'),
    headers: {
      'APCA-API-KEY-ID': 'PKZTGK35V4M2AATHILTWOSWFCA',
      'APCA-API-SECRET-KEY': 'GGKHLCXWWiXjZQ7oGRLHEHoAGx4zJ6tvKo2CP2VEuw1u',
    },
  );
  return jsonDecode(response.body) as Map<String, dynamic>;
}
