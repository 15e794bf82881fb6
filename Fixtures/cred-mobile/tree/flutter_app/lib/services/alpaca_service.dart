import 'dart:convert';

import 'package:http/http.dart' as http;

class AlpacaService {
  static const _baseUrl = 'https://paper-api.alpaca.markets/v2';
  static const _keyId = 'PKW1MEFCSMOIRWX4Z005';
  static const _secretKey = 'AVZDytUxWkhsfgD6PHimjmP9jeR8nGQHgKuSW1U5';

  Map<String, String> get _headers => {
        'APCA-API-KEY-ID': _keyId,
        'APCA-API-SECRET-KEY': _secretKey,
      };

  Future<Map<String, dynamic>> account() async {
    final res = await http.get(Uri.parse('$_baseUrl/account'), headers: _headers);
    return jsonDecode(res.body) as Map<String, dynamic>;
  }
}
