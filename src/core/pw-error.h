/* pw-error.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PW_ERROR (pw_error_quark ())

/**
 * PwError:
 * @PW_ERROR_SYNTAX: the bytes are not strict JSON (RFC 8259)
 * @PW_ERROR_TOO_DEEP: nesting deeper than the loader accepts
 * @PW_ERROR_TOO_LARGE: a file, string or collection larger than the loader accepts
 * @PW_ERROR_NUMBER: a number that cannot be represented exactly (too large, not finite)
 * @PW_ERROR_STRING: a string that is not valid text (bad UTF-8, NUL, lone surrogate)
 * @PW_ERROR_DUPLICATE_KEY: an object with the same member twice
 * @PW_ERROR_INVALID: valid JSON whose content breaks the schema
 * @PW_ERROR_NEWER_VERSION: a file written by a newer version of Phasewise
 * @PW_ERROR_MODIFIED: the file changed on disk since it was loaded
 *
 * Errors of the Phasewise core.  Every message names the place of the
 * problem: `line:column` for syntax, a JSON path for content.
 */
typedef enum
{
  PW_ERROR_SYNTAX,
  PW_ERROR_TOO_DEEP,
  PW_ERROR_TOO_LARGE,
  PW_ERROR_NUMBER,
  PW_ERROR_STRING,
  PW_ERROR_DUPLICATE_KEY,
  PW_ERROR_INVALID,
  PW_ERROR_NEWER_VERSION,
  PW_ERROR_MODIFIED,
} PwError;

GQuark pw_error_quark (void);

G_END_DECLS
