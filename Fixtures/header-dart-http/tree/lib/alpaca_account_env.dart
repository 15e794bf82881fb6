import 'dart:convert';
import 'dart:io';

import 'package:http/http.dart' as http;

Future<Map<String, dynamic>> accountFromEnv() async {
  final response = await http.get(
    Uri.parse('https://paper-api.alpaca.markets/v2/account'),
    headers: {
      'APCA-API-KEY-ID': Platform.environment['APCA_API_KEY_ID']!,
      'APCA-API-SECRET-KEY': Platform.environment['APCA_API_SECRET_KEY']!,
    },
  );
  return jsonDecode(response.body) as Map<String, dynamic>;
}
