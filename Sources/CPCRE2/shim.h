#ifndef CPCRE2_SHIM_H
#define CPCRE2_SHIM_H
/* 8-bit code units: we match raw file bytes. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
