/* pw-json-check-scan.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-json-check"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pw-json-check-private.h"

/*
 * The tokens of pw_json_check(): white space, strings with their escapes,
 * numbers and the words true, false and null.  Each scanner starts at
 * c->pos and, on success, leaves it after the token.
 */

#define MAX_NUMBER_LENGTH 1000

static inline guint
hex_value (guchar ch)
{
  if (ch <= '9')
    return ch - '0';
  return (ch | 0x20) - 'a' + 10;
}

/* Returns the length (1–4) of the well-formed UTF-8 sequence at @p and stores
 * its code point in @out, or returns 0 for anything else: stray continuation
 * bytes, overlong forms, UTF-16 surrogates (CESU-8), code points above
 * U+10FFFF and sequences cut short by the end of the data (RFC 3629 table).
 */
gsize
_pw_json_check_decode_utf8 (const guchar *p,
                            gsize         avail,
                            gunichar     *out)
{
  guchar b0 = p[0];
  guchar lo = 0x80, hi = 0xBF;
  gsize n;
  gunichar cp;

  if (b0 < 0x80)
    {
      *out = b0;
      return 1;
    }
  else if (b0 >= 0xC2 && b0 <= 0xDF)
    {
      n = 2;
      cp = b0 & 0x1F;
    }
  else if (b0 >= 0xE0 && b0 <= 0xEF)
    {
      n = 3;
      cp = b0 & 0x0F;
      if (b0 == 0xE0)
        lo = 0xA0;
      else if (b0 == 0xED)
        hi = 0x9F;
    }
  else if (b0 >= 0xF0 && b0 <= 0xF4)
    {
      n = 4;
      cp = b0 & 0x07;
      if (b0 == 0xF0)
        lo = 0x90;
      else if (b0 == 0xF4)
        hi = 0x8F;
    }
  else
    {
      return 0;
    }

  if (avail < n)
    return 0;
  if (p[1] < lo || p[1] > hi)
    return 0;
  cp = (cp << 6) | (p[1] & 0x3F);

  for (gsize i = 2; i < n; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        return 0;
      cp = (cp << 6) | (p[i] & 0x3F);
    }

  *out = cp;
  return n;
}

/* ---- Tokens --------------------------------------------------------------- */

void
_pw_json_check_skip_whitespace (PwJsonChecker *c)
{
  while (c->pos < c->length)
    {
      guchar ch = c->data[c->pos];

      if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
        break;
      c->pos++;
    }
}

/* Reads four hexadecimal digits at @offset into @value; FALSE if there are
 * fewer.  @n_hex gets the number of hex digits there are (for the message).
 */
static gboolean
read_hex4 (PwJsonChecker *c,
           gsize          offset,
           gunichar      *value,
           gsize         *n_hex)
{
  gunichar v = 0;
  gsize i;

  for (i = 0; i < 4 && offset + i < c->length && is_hex_digit (c->data[offset + i]); i++)
    v = (v << 4) | hex_value (c->data[offset + i]);

  *n_hex = i;
  *value = v;

  return i == 4;
}

static gboolean
fail_escape (PwJsonChecker *c,
             gsize          escape,
             gsize          n)
{
  g_autofree char *quoted = _pw_json_check_quote_at (c, escape, n);

  /* Translators: %s is an escape sequence such as “\x” or “\u12” */
  return _pw_json_check_fail (c, escape, PW_ERROR_SYNTAX, _("Invalid escape “%s” in a string"),
                              quoted);
}

static gboolean
fail_surrogate (PwJsonChecker *c,
                gsize          escape)
{
  g_autofree char *quoted = _pw_json_check_quote_at (c, escape, 6);

  return _pw_json_check_fail (c, escape, PW_ERROR_STRING,
                              /* Translators: %s is an escape sequence such as “\uD800” */
                              _("Unpaired surrogate “%s” in a string"), quoted);
}

/* Decodes the escape sequence at c->pos (a backslash) and advances past it. */
static gboolean
scan_escape (PwJsonChecker *c,
             gunichar      *out)
{
  gsize escape = c->pos;
  gunichar cp, low;
  gsize n_hex;

  switch (c->data[escape + 1])
    {
    case '"':
    case '\\':
    case '/':
      cp = c->data[escape + 1];
      break;

    case 'b':
      cp = '\b';
      break;

    case 'f':
      cp = '\f';
      break;

    case 'n':
      cp = '\n';
      break;

    case 'r':
      cp = '\r';
      break;

    case 't':
      cp = '\t';
      break;

    case 'u':
      if (!read_hex4 (c, escape + 2, &cp, &n_hex))
        return fail_escape (c, escape, 2 + n_hex);

      if (cp == 0)
        return _pw_json_check_fail_nul (c, escape);

      if (cp >= 0xDC00 && cp <= 0xDFFF)
        return fail_surrogate (c, escape);

      if (cp >= 0xD800 && cp <= 0xDBFF)
        {
          gsize second = escape + 6;

          if (second + 1 >= c->length || c->data[second] != '\\' || c->data[second + 1] != 'u')
            return fail_surrogate (c, escape);

          if (!read_hex4 (c, second + 2, &low, &n_hex))
            return fail_escape (c, second, 2 + n_hex);

          if (low < 0xDC00 || low > 0xDFFF)
            return fail_surrogate (c, escape);

          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          c->pos += 6;
        }

      c->pos += 4;
      break;

    default:
      return fail_escape (c, escape, 1 + _pw_json_check_char_extent (c, escape + 1));
    }

  c->pos += 2;
  *out = cp;

  return TRUE;
}

/* Scans the string whose opening quote is at c->pos.  For a member name
 * (@key), the unescaped bytes are appended to the arena.
 */
gboolean
_pw_json_check_scan_string (PwJsonChecker *c,
                            gboolean       key)
{
  gsize start = c->pos;
  gsize size = 0;

  c->pos++;

  for (;;)
    {
      const guchar *chunk;
      gsize n;
      char utf8[6];
      guchar ch;

      if (c->pos >= c->length)
        return _pw_json_check_fail (c, start, PW_ERROR_SYNTAX, _("Unterminated string"));

      ch = c->data[c->pos];
      chunk = c->data + c->pos;

      if (ch == '"')
        {
          c->pos++;
          return TRUE;
        }
      else if (ch == '\\')
        {
          gunichar cp = 0;

          if (c->pos + 1 >= c->length)
            return _pw_json_check_fail (c, start, PW_ERROR_SYNTAX, _("Unterminated string"));

          if (!scan_escape (c, &cp))
            return FALSE;

          n = g_unichar_to_utf8 (cp, utf8);
          chunk = (const guchar *) utf8;
        }
      else if (ch == 0)
        {
          return _pw_json_check_fail_nul (c, c->pos);
        }
      else if (ch < 0x20)
        {
          return _pw_json_check_fail (c, c->pos, PW_ERROR_SYNTAX,
                                      /* Translators: %04X is a code point in hexadecimal, e.g.
                                       * “0009” for a tab */
                                      _("Control character U+%04X must be escaped in a string"),
                                      ch);
        }
      else if (ch < 0x80)
        {
          n = 1;
          c->pos++;
        }
      else
        {
          gunichar cp;

          n = _pw_json_check_decode_utf8 (chunk, c->length - c->pos, &cp);
          if (n == 0)
            return _pw_json_check_fail_utf8 (c, c->pos);
          c->pos += n;
        }

      if (n > c->max_string - size)
        {
          g_autofree char *limit = g_format_size_full (c->max_string, G_FORMAT_SIZE_IEC_UNITS);

          return _pw_json_check_fail (c, start, PW_ERROR_TOO_LARGE,
                                      /* Translators: %s is a size such as “1.0 MiB” */
                                      _("String longer than the limit of %s"), limit);
        }
      size += n;

      if (key)
        g_string_append_len (c->keys, (const char *) chunk, n);
    }
}

typedef enum
{
  NUMBER_INVALID,
  NUMBER_LEADING_ZERO,
  NUMBER_HEX,
} NumberProblem;

static gboolean
fail_number (PwJsonChecker *c,
             gsize          start,
             gsize          end,
             NumberProblem  problem)
{
  gsize n = end - start;
  g_autofree char *quoted = NULL;

  /* Show the whole malformed token, e.g. “0x1F” rather than “0”. */
  while (start + n < c->length && n <= PW_JSON_CHECK_MAX_QUOTED
         && is_number_char (c->data[start + n]))
    n++;

  quoted = _pw_json_check_quote_at (c, start, n);

  switch (problem)
    {
    case NUMBER_LEADING_ZERO:
      return _pw_json_check_fail (c, start, PW_ERROR_SYNTAX,
                                  /* Translators: %s is the number as written, e.g. “010” */
                                  _("Numbers must not have leading zeros: “%s”"), quoted);

    case NUMBER_HEX:
      return _pw_json_check_fail (c, start, PW_ERROR_SYNTAX,
                                  /* Translators: %s is the number as written, e.g. “0x1F” */
                                  _("Hexadecimal numbers are not allowed in JSON: “%s”"), quoted);

    case NUMBER_INVALID:
    default:
      /* Translators: %s is the malformed number as written, e.g. “5.” or “1e” */
      return _pw_json_check_fail (c, start, PW_ERROR_SYNTAX, _("Invalid number “%s”"), quoted);
    }
}

static gboolean
scan_digits (PwJsonChecker *c,
             gsize         *p)
{
  if (*p >= c->length || !is_digit (c->data[*p]))
    return FALSE;

  while (*p < c->length && is_digit (c->data[*p]))
    (*p)++;

  return TRUE;
}

/* RFC 8259: -? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?
 * Integers must fit in gint64, other numbers must be finite doubles.
 */
gboolean
_pw_json_check_scan_number (PwJsonChecker *c)
{
  gsize start = c->pos;
  gsize p = start;
  gboolean negative = FALSE;
  gboolean integer = TRUE;
  gboolean too_large = FALSE;
  gsize int_start, n_digits;

  if (c->data[p] == '-')
    {
      negative = TRUE;
      p++;
    }

  int_start = p;

  if (p < c->length && c->data[p] == '0')
    {
      p++;
      if (p < c->length && is_digit (c->data[p]))
        return fail_number (c, start, p, NUMBER_LEADING_ZERO);
      if (p < c->length && (c->data[p] == 'x' || c->data[p] == 'X'))
        return fail_number (c, start, p, NUMBER_HEX);
    }
  else if (!scan_digits (c, &p))
    {
      return fail_number (c, start, p, NUMBER_INVALID);
    }

  n_digits = p - int_start;

  if (p < c->length && c->data[p] == '.')
    {
      integer = FALSE;
      p++;
      if (!scan_digits (c, &p))
        return fail_number (c, start, p, NUMBER_INVALID);
    }

  if (p < c->length && (c->data[p] == 'e' || c->data[p] == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < c->length && (c->data[p] == '+' || c->data[p] == '-'))
        p++;
      if (!scan_digits (c, &p))
        return fail_number (c, start, p, NUMBER_INVALID);
    }

  if (p < c->length && is_number_char (c->data[p]))
    return fail_number (c, start, p, NUMBER_INVALID);

  if (p - start > MAX_NUMBER_LENGTH)
    {
      return _pw_json_check_fail (c, start, PW_ERROR_NUMBER,
                                  /* Translators: %u is a number of characters */
                                  g_dngettext (GETTEXT_PACKAGE, "Number longer than %u character",
                                               "Number longer than %u characters",
                                               MAX_NUMBER_LENGTH),
                                  (guint) MAX_NUMBER_LENGTH);
    }

  if (integer)
    {
      const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

      too_large = n_digits > 19 || (n_digits == 19 && memcmp (c->data + int_start, limit, 19) > 0);
    }
  else
    {
      char buffer[MAX_NUMBER_LENGTH + 1];
      char *end = NULL;

      memcpy (buffer, c->data + start, p - start);
      buffer[p - start] = '\0';
      too_large = !isfinite (g_ascii_strtod (buffer, &end));
      g_assert (end == buffer + (p - start));
    }

  if (too_large)
    {
      g_autofree char *quoted = _pw_json_check_quote_at (c, start, p - start);

      if (negative)
        /* Translators: %s is the number as written, e.g. -99999999999999999999999 or -1e400 */
        return _pw_json_check_fail (c, start, PW_ERROR_NUMBER, _("Number %s is too small"),
                                    quoted);

      /* Translators: %s is the number as written, e.g. 99999999999999999999999 or 1e400 */
      return _pw_json_check_fail (c, start, PW_ERROR_NUMBER, _("Number %s is too large"), quoted);
    }

  c->pos = p;

  return TRUE;
}

gboolean
_pw_json_check_scan_word (PwJsonChecker *c)
{
  gsize start = c->pos;
  gsize n = _pw_json_check_run_extent (c, start, is_word_char);
  const char *word = (const char *) c->data + start;

  if ((n == 4 && (memcmp (word, "true", 4) == 0 || memcmp (word, "null", 4) == 0)) ||
      (n == 5 && memcmp (word, "false", 5) == 0))
    {
      c->pos += n;
      return TRUE;
    }

  if ((n == 3 && memcmp (word, "NaN", 3) == 0) || (n == 8 && memcmp (word, "Infinity", 8) == 0))
    return _pw_json_check_fail (c, start, PW_ERROR_SYNTAX,
                                _("NaN and Infinity are not allowed in JSON"));

  {
    g_autofree char *quoted = _pw_json_check_quote_at (c, start, n);

    return _pw_json_check_fail (c, start, PW_ERROR_SYNTAX,
                                /* Translators: %s is a word found where a value was expected, e.g.
                                 * “var” */
                                _("Unexpected word “%s”; the only words allowed are "
                                  "true, false and null"),
                                quoted);
  }
}
