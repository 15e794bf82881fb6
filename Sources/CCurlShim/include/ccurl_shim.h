#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H

/*
 * One HTTP GET through the system's libcurl, loaded with dlopen the first time it is needed.
 *
 * Why dlopen: alpaca-lint ships as one executable whose only shared objects are the C library's
 * own; linking libcurl (or FoundationNetworking, which links it) would add a dozen shared
 * objects to every scan, although only `--verify` ever talks to the network. See
 * docs/verification.md for the measurements behind this choice.
 *
 * The request is built here, in C, because curl_easy_setopt is variadic and Swift cannot call
 * variadic C functions. Nothing here keeps a pointer past the call.
 */

#include <stddef.h>

/// What became of a request.
typedef enum {
    CCURL_OUTCOME_RESPONSE = 0,   /* an HTTP status arrived (any status, including 3xx/4xx/5xx) */
    CCURL_OUTCOME_UNAVAILABLE = 1,/* libcurl could not be loaded or lacks TLS */
    CCURL_OUTCOME_CONNECT = 2,    /* DNS, connect, send or receive failed before a status arrived */
    CCURL_OUTCOME_TIMEOUT = 3,    /* the whole-request time limit passed */
    CCURL_OUTCOME_TLS = 4,        /* handshake or certificate verification failed */
    CCURL_OUTCOME_OTHER = 5       /* anything else libcurl reported */
} ccurl_outcome;

/// One GET request. Every pointer must stay valid for the duration of ccurl_get.
typedef struct {
    const char *url;
    const char *const *headers;   /* "Name: value" lines */
    size_t header_count;
    long timeout_ms;              /* whole request, connect included */
    int allow_plain_http;         /* 0: https only (the real hosts); 1: http too (loopback test overrides) */
    char *body;                   /* caller's buffer for the response body */
    size_t body_capacity;         /* bytes beyond this are not read: the transfer stops there */
} ccurl_request;

/// What ccurl_get found out.
typedef struct {
    int outcome;                  /* a ccurl_outcome */
    long http_status;             /* valid when outcome == CCURL_OUTCOME_RESPONSE */
    int curl_code;                /* libcurl's CURLcode, 0 when fine */
    size_t body_length;           /* bytes written into request.body */
    int body_truncated;           /* 1 when the body did not fit into body_capacity */
    char message[256];            /* libcurl's explanation when outcome != RESPONSE; never holds headers */
} ccurl_response;

/// Loads libcurl once (thread-safe). Returns 1 when usable; otherwise 0, with the reason in `message`.
/// On success `message` receives a description such as "libcurl/7.88.1 OpenSSL/3.0.17".
int ccurl_load(char *message, size_t message_size);

/// Performs one GET without following redirects, proxies or retries.
void ccurl_get(const ccurl_request *request, ccurl_response *response);

#endif
