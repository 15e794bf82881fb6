#include "ccurl_shim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/*
 * The few libcurl declarations we need, restated so that building needs no libcurl headers
 * (Debian's libcurl4 has no headers; libcurl4-openssl-dev would be a build dependency for a
 * runtime option). Option numbers and codes are part of libcurl's stable ABI (soname 4, since
 * 2006): see curl/curl.h, CURLOPTTYPE_* and the CURLOPT()/CURLINFO values.
 */
typedef void CURL;
typedef int CURLcode;
struct curl_slist;
typedef size_t (*write_callback)(char *data, size_t size, size_t count, void *context);

typedef struct {
    int age;
    const char *version;
    unsigned int version_num;
    const char *host;
    int features;
    const char *ssl_version;
} curl_version_info_prefix;

enum {
    OPT_WRITEDATA = 10001,
    OPT_URL = 10002,
    OPT_PROXY = 10004,
    OPT_ERRORBUFFER = 10010,
    OPT_WRITEFUNCTION = 20011,
    OPT_HTTPHEADER = 10023,
    OPT_SSLVERSION = 32,
    OPT_NETRC = 51,
    OPT_FOLLOWLOCATION = 52,
    OPT_SSL_VERIFYPEER = 64,
    OPT_MAXREDIRS = 68,
    OPT_FORBID_REUSE = 75,
    OPT_HTTPGET = 80,
    OPT_SSL_VERIFYHOST = 81,
    OPT_NOSIGNAL = 99,
    OPT_TIMEOUT_MS = 155,
    OPT_CONNECTTIMEOUT_MS = 156,
    OPT_NOPROXY = 10177,
    OPT_PROTOCOLS = 181,
    OPT_PROTOCOLS_STR = 10318,
    INFO_RESPONSE_CODE = 0x200002,
    GLOBAL_DEFAULT = 3,
    SSLVERSION_TLSv1_2 = 6,
    PROTO_HTTP = 1,
    PROTO_HTTPS = 2,
    VERSION_FEATURE_SSL = 1 << 2,
    CODE_UNKNOWN_OPTION = 48,
    CODE_WRITE_ERROR = 23,
    ERROR_SIZE = 256
};

static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *handle, int option, ...);
    CURLcode (*easy_perform)(CURL *handle);
    CURLcode (*easy_getinfo)(CURL *handle, int info, ...);
    void (*easy_cleanup)(CURL *handle);
    const char *(*easy_strerror)(CURLcode code);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *line);
    void (*slist_free_all)(struct curl_slist *list);
    curl_version_info_prefix *(*version_info)(int age);
    int usable;
    char description[256];
} lib;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_library(void) {
    /* The OpenSSL build first (Debian's libcurl4), then the GnuTLS one (libcurl3-gnutls, which
       git's https transport pulls in). Both verify against the system's CA store. */
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++) {
        handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (handle == NULL) {
        snprintf(lib.description, sizeof lib.description,
                 "libcurl could not be loaded (tried libcurl.so.4 and libcurl-gnutls.so.4; install libcurl4)");
        return;
    }
#define LOAD(field, symbol)                                                                         \
    do {                                                                                           \
        *(void **)(&lib.field) = dlsym(handle, symbol);                                            \
        if (lib.field == NULL) {                                                                   \
            snprintf(lib.description, sizeof lib.description, "libcurl lacks %s", symbol);        \
            return;                                                                                \
        }                                                                                          \
    } while (0)
    LOAD(global_init, "curl_global_init");
    LOAD(easy_init, "curl_easy_init");
    LOAD(easy_setopt, "curl_easy_setopt");
    LOAD(easy_perform, "curl_easy_perform");
    LOAD(easy_getinfo, "curl_easy_getinfo");
    LOAD(easy_cleanup, "curl_easy_cleanup");
    LOAD(easy_strerror, "curl_easy_strerror");
    LOAD(slist_append, "curl_slist_append");
    LOAD(slist_free_all, "curl_slist_free_all");
    LOAD(version_info, "curl_version_info");
#undef LOAD
    curl_version_info_prefix *info = lib.version_info(0);
    if (info == NULL || (info->features & VERSION_FEATURE_SSL) == 0) {
        snprintf(lib.description, sizeof lib.description, "the system's libcurl was built without TLS");
        return;
    }
    /* curl_global_init is not thread-safe in older libcurl: pthread_once runs it exactly once. */
    if (lib.global_init(GLOBAL_DEFAULT) != 0) {
        snprintf(lib.description, sizeof lib.description, "curl_global_init failed");
        return;
    }
    snprintf(lib.description, sizeof lib.description, "libcurl/%s %s", info->version ? info->version : "?",
             info->ssl_version ? info->ssl_version : "");
    lib.usable = 1;
}

int ccurl_load(char *message, size_t message_size) {
    pthread_once(&load_once, load_library);
    if (message != NULL && message_size > 0) {
        snprintf(message, message_size, "%s", lib.description);
    }
    return lib.usable;
}

typedef struct {
    char *buffer;
    size_t capacity;
    size_t length;
    int truncated;
} body_sink;

static size_t write_body(char *data, size_t size, size_t count, void *context) {
    body_sink *sink = context;
    size_t bytes = size * count;
    if (bytes > sink->capacity - sink->length) {
        /* Stop reading: an account object is a few hundred bytes; anything larger is not one. */
        sink->truncated = 1;
        return 0;
    }
    memcpy(sink->buffer + sink->length, data, bytes);
    sink->length += bytes;
    return bytes;
}

static int classify(CURLcode code) {
    switch (code) {
    case 5: case 6: case 7: case 52: case 55: case 56:
        return CCURL_OUTCOME_CONNECT;
    case 28:
        return CCURL_OUTCOME_TIMEOUT;
    case 35: case 53: case 54: case 58: case 59: case 60: case 64: case 66: case 77: case 80:
    case 82: case 83: case 90: case 91: case 98:
        return CCURL_OUTCOME_TLS;
    default:
        return CCURL_OUTCOME_OTHER;
    }
}

void ccurl_get(const ccurl_request *request, ccurl_response *response) {
    memset(response, 0, sizeof *response);
    char reason[256];
    if (!ccurl_load(reason, sizeof reason)) {
        response->outcome = CCURL_OUTCOME_UNAVAILABLE;
        snprintf(response->message, sizeof response->message, "%s", reason);
        return;
    }
    CURL *handle = lib.easy_init();
    if (handle == NULL) {
        response->outcome = CCURL_OUTCOME_OTHER;
        snprintf(response->message, sizeof response->message, "curl_easy_init failed");
        return;
    }
    struct curl_slist *headers = NULL;
    for (size_t i = 0; i < request->header_count; i++) {
        struct curl_slist *extended = lib.slist_append(headers, request->headers[i]);
        if (extended == NULL) {
            lib.slist_free_all(headers);
            lib.easy_cleanup(handle);
            response->outcome = CCURL_OUTCOME_OTHER;
            snprintf(response->message, sizeof response->message, "out of memory");
            return;
        }
        headers = extended;
    }
    char error_buffer[ERROR_SIZE];
    error_buffer[0] = '\0';
    body_sink sink = {request->body, request->body_capacity, 0, 0};

    CURLcode code = lib.easy_setopt(handle, OPT_URL, request->url);
    /* Only https (http for loopback overrides); the _STR form exists since 7.85, the bitmask before. */
    const char *protocols = request->allow_plain_http ? "http,https" : "https";
    if (code == 0) {
        code = lib.easy_setopt(handle, OPT_PROTOCOLS_STR, protocols);
        if (code == CODE_UNKNOWN_OPTION) {
            code = lib.easy_setopt(handle, OPT_PROTOCOLS,
                                   (long)(request->allow_plain_http ? (PROTO_HTTP | PROTO_HTTPS) : PROTO_HTTPS));
        }
    }
    /* Never follow a redirect: the secret must not travel to whatever a Location names. */
    if (code == 0) code = lib.easy_setopt(handle, OPT_FOLLOWLOCATION, 0L);
    if (code == 0) code = lib.easy_setopt(handle, OPT_MAXREDIRS, 0L);
    /* No proxy from http_proxy/https_proxy/ALL_PROXY: no host but the allow-listed one is contacted. */
    if (code == 0) code = lib.easy_setopt(handle, OPT_PROXY, "");
    if (code == 0) code = lib.easy_setopt(handle, OPT_NOPROXY, "*");
    if (code == 0) code = lib.easy_setopt(handle, OPT_NETRC, 0L);
    /* The system trust store, verified peer and host name, TLS 1.2 or later; never relaxed. */
    if (code == 0) code = lib.easy_setopt(handle, OPT_SSL_VERIFYPEER, 1L);
    if (code == 0) code = lib.easy_setopt(handle, OPT_SSL_VERIFYHOST, 2L);
    if (code == 0) code = lib.easy_setopt(handle, OPT_SSLVERSION, (long)SSLVERSION_TLSv1_2);
    /* Signals are not safe in a multithreaded process; timeouts then rely on the threaded resolver. */
    if (code == 0) code = lib.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    if (code == 0) code = lib.easy_setopt(handle, OPT_TIMEOUT_MS, request->timeout_ms);
    if (code == 0) code = lib.easy_setopt(handle, OPT_CONNECTTIMEOUT_MS, request->timeout_ms);
    if (code == 0) code = lib.easy_setopt(handle, OPT_FORBID_REUSE, 1L);
    if (code == 0) code = lib.easy_setopt(handle, OPT_HTTPGET, 1L);
    if (code == 0) code = lib.easy_setopt(handle, OPT_HTTPHEADER, headers);
    if (code == 0) code = lib.easy_setopt(handle, OPT_WRITEFUNCTION, (write_callback)write_body);
    if (code == 0) code = lib.easy_setopt(handle, OPT_WRITEDATA, (void *)&sink);
    if (code == 0) code = lib.easy_setopt(handle, OPT_ERRORBUFFER, error_buffer);
    if (code != 0) {
        response->outcome = CCURL_OUTCOME_OTHER;
        response->curl_code = code;
        snprintf(response->message, sizeof response->message, "libcurl refused an option: %s", lib.easy_strerror(code));
    } else {
        code = lib.easy_perform(handle);
        long status = 0;
        lib.easy_getinfo(handle, INFO_RESPONSE_CODE, &status);
        response->curl_code = code;
        response->body_length = sink.length;
        response->body_truncated = sink.truncated;
        if (code == 0 || (code == CODE_WRITE_ERROR && sink.truncated && status > 0)) {
            response->outcome = CCURL_OUTCOME_RESPONSE;
            response->http_status = status;
        } else {
            response->outcome = classify(code);
            snprintf(response->message, sizeof response->message, "%s", error_buffer[0] ? error_buffer : lib.easy_strerror(code));
        }
    }
    /* The handle may refer to the header list until it is cleaned up. */
    lib.easy_cleanup(handle);
    lib.slist_free_all(headers);
}
