/* pw-json-check.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-json-check"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pw-json-check-private.h"

/*
 * A strict RFC 8259 syntax check that runs before json-glib sees any bytes.
 *
 * json-glib 1.6.6 recurses once per nesting level (and crashes at ~60,000
 * levels), accepts comments, hex numbers, single quotes and several top-level
 * values, wraps huge integers, turns 1e400 into infinity, cuts strings at
 * \u0000, asserts on lone surrogate escapes and keeps the last of duplicate
 * members.  This checker rejects all of that.
 *
 * It is a single pass over the bytes with an explicit stack (one PwJsonFrame
 * per open array or object, at most max_depth of them), so it neither
 * recurses nor reads past the first error.  Every byte before the error
 * offset has been validated, which is what lets locate() count UTF-8
 * characters naïvely.
 *
 * Member names of the open objects live in one arena (`keys`) used as a
 * stack: each entry is a gsize length followed by the unescaped bytes, and
 * an object's entries are truncated away when it closes.  Small objects are
 * searched linearly; from SMALL_OBJECT_KEYS names on, an object gets an
 * open-addressing hash index of arena offsets, keyed with a per-process
 * random SipHash key so crafted names cannot force quadratic time.
 *
 * This file holds the document: the state machine, the stack of open arrays
 * and objects, and the messages with their line and column.  The tokens
 * (strings, numbers, words) are scanned in pw-json-check-scan.c, and
 * duplicate member names are found in pw-json-check-keys.c.
 */

typedef enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_CLOSE,
  EXPECT_KEY,
  EXPECT_KEY_OR_CLOSE,
  EXPECT_COLON,
  EXPECT_COMMA_OR_CLOSE,
  EXPECT_END,
} State;

static gboolean
is_shown_literally (gunichar cp)
{
  if (cp < 0x80)
    return cp >= 0x20 && cp < 0x7F;

  switch (g_unichar_type (cp))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
      return FALSE;

    default:
      return TRUE;
    }
}

/* Makes user text safe to put between “ ” in a message: at most
 * PW_JSON_CHECK_MAX_QUOTED characters, invisible characters as U+XXXX,
 * control characters and bytes that are not UTF-8 as \xNN.
 */
char *
_pw_json_check_quote (const guchar *p,
                      gsize         n)
{
  GString *s = g_string_new (NULL);
  gsize i = 0;
  guint n_chars = 0;

  while (i < n)
    {
      gunichar cp;
      gsize len;

      if (n_chars == PW_JSON_CHECK_MAX_QUOTED)
        {
          g_string_append (s, "…");
          break;
        }

      len = _pw_json_check_decode_utf8 (p + i, n - i, &cp);
      if (len == 0 || (cp < 0x80 && !is_shown_literally (cp)))
        {
          g_string_append_printf (s, "\\x%02X", p[i]);
          len = 1;
        }
      else if (is_shown_literally (cp))
        {
          g_string_append_len (s, (const char *) p + i, len);
        }
      else
        {
          g_string_append_printf (s, "U+%04X", cp);
        }

      i += len;
      n_chars++;
    }

  return g_string_free (s, FALSE);
}

/* The extent of the character at @offset: a whole UTF-8 sequence, or one
 * byte if it is not one.
 */
gsize
_pw_json_check_char_extent (PwJsonChecker *c,
                            gsize          offset)
{
  gunichar cp;
  gsize len = _pw_json_check_decode_utf8 (c->data + offset, c->length - offset, &cp);

  return len > 0 ? len : 1;
}

/* The extent of the run of bytes at @offset that satisfy @pred, stopping a
 * little after the quoting limit (the rest would not be shown anyway).
 */
gsize
_pw_json_check_run_extent (PwJsonChecker  *c,
                           gsize           offset,
                           gboolean      (*pred) (guchar))
{
  gsize n = 0;

  while (offset + n < c->length && n <= PW_JSON_CHECK_MAX_QUOTED && pred (c->data[offset + n]))
    n++;

  return n;
}

char *
_pw_json_check_quote_at (PwJsonChecker *c,
                         gsize          offset,
                         gsize          n)
{
  return _pw_json_check_quote (c->data + offset, n);
}

/* Line and column (1-based, in characters) of @offset.  Lines end at LF, CR
 * LF or a lone CR.  Everything before @offset has been validated as UTF-8,
 * so counting the bytes that are not continuation bytes counts characters.
 */
static void
locate (PwJsonChecker *c,
        gsize          offset,
        guint         *line,
        guint         *column)
{
  gsize l = 1, col = 1;

  for (gsize i = 0; i < offset && i < c->length; i++)
    {
      guchar b = c->data[i];

      if (b == '\n' || (b == '\r' && !(i + 1 < c->length && c->data[i + 1] == '\n')))
        {
          l++;
          col = 1;
        }
      else if (b != '\r' && (b & 0xC0) != 0x80)
        {
          col++;
        }
    }

  *line = (guint) MIN (l, G_MAXUINT);
  *column = (guint) MIN (col, G_MAXUINT);
}

gboolean
_pw_json_check_fail (PwJsonChecker *c,
                     gsize          offset,
                     PwError        code,
                     const char    *format,
                     ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  if (c->error == NULL)
    return FALSE;

  locate (c, offset, &line, &column);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (c->error, PW_ERROR, code, "%u:%u: %s", line, column, message);

  return FALSE;
}

gboolean
_pw_json_check_fail_nul (PwJsonChecker *c,
                         gsize          offset)
{
  return _pw_json_check_fail (c, offset, PW_ERROR_STRING,
                              _("The text contains a NUL character (\\u0000)"));
}

gboolean
_pw_json_check_fail_utf8 (PwJsonChecker *c,
                          gsize          offset)
{
  /* Translators: %02X is the first offending byte in hexadecimal, e.g. “FF” */
  return _pw_json_check_fail (c, offset, PW_ERROR_STRING, _("Invalid UTF-8 (byte 0x%02X)"),
                              c->data[offset]);
}

/* ---- Structure ------------------------------------------------------------ */

static gboolean
push (PwJsonChecker *c,
      gboolean       is_object)
{
  PwJsonFrame *frame;

  if (c->depth >= c->max_depth)
    {
      return _pw_json_check_fail (c, c->pos, PW_ERROR_TOO_DEEP,
                                  /* Translators: %u is the maximum number of nested arrays and
                                   * objects */
                                  g_dngettext (GETTEXT_PACKAGE, "Nesting deeper than %u level",
                                               "Nesting deeper than %u levels", c->max_depth),
                                  c->max_depth);
    }

  if (c->depth == c->n_frames)
    {
      c->n_frames = MAX (16, c->n_frames * 2);
      c->n_frames = MIN (c->n_frames, c->max_depth);
      c->frames = g_renew (PwJsonFrame, c->frames, c->n_frames);
    }

  frame = &c->frames[c->depth++];
  frame->is_object = is_object;
  frame->keys_start = c->keys->len;
  frame->n_keys = 0;
  frame->slots = NULL;
  frame->n_slots = 0;

  c->pos++;

  return TRUE;
}

static void
pop (PwJsonChecker *c)
{
  PwJsonFrame *frame = &c->frames[--c->depth];

  g_clear_pointer (&frame->slots, g_free);
  g_string_truncate (c->keys, frame->keys_start);
  c->pos++;
}

static State
state_after_value (PwJsonChecker *c)
{
  return c->depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
}

static const char *
describe_expected (PwJsonChecker *c,
                   State          state)
{
  switch (state)
    {
    case EXPECT_VALUE:
      /* Translators: fills “expected %s” in “Unexpected end of file; expected %s” */
      return _("a value");

    case EXPECT_VALUE_OR_CLOSE:
      /* Translators: fills “expected %s” in “Unexpected end of file; expected %s” */
      return _("a value or “]”");

    case EXPECT_KEY:
      /* Translators: fills “expected %s” in “Unexpected end of file; expected %s” */
      return _("a member name in double quotes");

    case EXPECT_KEY_OR_CLOSE:
      /* Translators: fills “expected %s” in “Unexpected end of file; expected %s” */
      return _("a member name in double quotes or “}”");

    case EXPECT_COLON:
      /* Translators: fills “expected %s” in “Unexpected end of file; expected %s” */
      return _("“:”");

    case EXPECT_COMMA_OR_CLOSE:
      if (c->frames[c->depth - 1].is_object)
        /* Translators: fills “expected %s” in “Unexpected end of file; expected %s” */
        return _("“,” or “}”");
      else
        /* Translators: fills “expected %s” in “Unexpected end of file; expected %s” */
        return _("“,” or “]”");

    case EXPECT_END:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* Reports the byte at c->pos, which does not fit @state. */
static gboolean
fail_unexpected (PwJsonChecker *c,
                 State          state)
{
  gsize pos = c->pos;
  guchar ch = c->data[pos];
  gboolean wants_value = state == EXPECT_VALUE || state == EXPECT_VALUE_OR_CLOSE;
  gboolean wants_key = state == EXPECT_KEY || state == EXPECT_KEY_OR_CLOSE;
  g_autofree char *quoted = NULL;

  if (ch == 0)
    return _pw_json_check_fail_nul (c, pos);

  if (ch >= 0x80 && _pw_json_check_char_extent (c, pos) == 1)
    return _pw_json_check_fail_utf8 (c, pos);

  if (ch == '/' && pos + 1 < c->length && (c->data[pos + 1] == '/' || c->data[pos + 1] == '*'))
    return _pw_json_check_fail (c, pos, PW_ERROR_SYNTAX, _("Comments are not allowed in JSON"));

  if (state == EXPECT_END)
    {
      gsize n = is_word_start (ch) ? _pw_json_check_run_extent (c, pos, is_word_char)
                                   : _pw_json_check_char_extent (c, pos);

      quoted = _pw_json_check_quote_at (c, pos, n);
      return _pw_json_check_fail (c, pos, PW_ERROR_SYNTAX,
                                  /* Translators: %s is the text found after the end of the
                                   * document's value */
                                  _("Unexpected “%s” after the JSON value; a file holds "
                                    "exactly one value"),
                                  quoted);
    }

  if (ch == '\'' && (wants_value || wants_key))
    return _pw_json_check_fail (c, pos, PW_ERROR_SYNTAX,
                                _("Strings must use double quotes, not single quotes"));

  /* In an array, only a comma leads to EXPECT_VALUE; in an object, only a
   * comma leads to EXPECT_KEY.
   */
  if ((state == EXPECT_VALUE && ch == ']' && c->depth > 0 && !c->frames[c->depth - 1].is_object) ||
      (state == EXPECT_KEY && ch == '}'))
    return _pw_json_check_fail (c, c->last_comma, PW_ERROR_SYNTAX,
                                _("Trailing commas are not allowed in JSON"));

  if (wants_value && ch == '+')
    return _pw_json_check_fail (c, pos, PW_ERROR_SYNTAX, _("Numbers must not start with “+”"));

  if (wants_value && ch == '.')
    return _pw_json_check_fail (c, pos, PW_ERROR_SYNTAX,
                                _("Numbers must start with a digit, not “.”"));

  if (wants_key && is_word_start (ch))
    {
      quoted = _pw_json_check_quote_at (c, pos, _pw_json_check_run_extent (c, pos, is_word_char));
      return _pw_json_check_fail (c, pos, PW_ERROR_SYNTAX,
                                  /* Translators: %s is a member name written without quotes */
                                  _("Member name “%s” must be in double quotes"), quoted);
    }

  quoted = _pw_json_check_quote_at (c, pos, _pw_json_check_char_extent (c, pos));

  return _pw_json_check_fail (c, pos, PW_ERROR_SYNTAX,
                              /* Translators: the first %s is the character found, the second
                               * what was expected instead, e.g. “a value” or ““,” or “]””
                               */
                              _("Unexpected character “%s”; expected %s"),
                              quoted, describe_expected (c, state));
}

static gboolean
check_document (PwJsonChecker *c)
{
  State state = EXPECT_VALUE;

  if (c->length >= 3 && memcmp (c->data, "\xEF\xBB\xBF", 3) == 0)
    return _pw_json_check_fail (c, 0, PW_ERROR_SYNTAX,
                                _("The file starts with a byte-order mark (BOM), which JSON "
                                  "does not allow"));

  _pw_json_check_skip_whitespace (c);
  if (c->pos == c->length)
    {
      if (c->length == 0)
        return _pw_json_check_fail (c, 0, PW_ERROR_SYNTAX, _("The file is empty"));
      else
        return _pw_json_check_fail (c, 0, PW_ERROR_SYNTAX,
                                    _("The file is empty (it contains only white space)"));
    }

  for (;;)
    {
      guchar ch;

      _pw_json_check_skip_whitespace (c);

      if (c->pos >= c->length)
        {
          if (state == EXPECT_END)
            return TRUE;

          return _pw_json_check_fail (c, c->length, PW_ERROR_SYNTAX,
                                      /* Translators: %s is what was expected, e.g. “a value” or
                                       * ““,” or “]”” */
                                      _("Unexpected end of file; expected %s"),
                                      describe_expected (c, state));
        }

      ch = c->data[c->pos];

      switch (state)
        {
        case EXPECT_VALUE:
        case EXPECT_VALUE_OR_CLOSE:
          if (ch == ']' && state == EXPECT_VALUE_OR_CLOSE)
            {
              pop (c);
              state = state_after_value (c);
              break;
            }

          /* Counted before it is scanned, so that the file is not read
           * further; what cannot start a value is reported below. */
          if ((ch == '[' || ch == '{' || ch == '"' || ch == '-' || is_digit (ch)
               || is_word_start (ch))
              && ++c->n_values > c->max_values)
            {
              g_autofree char *limit = g_strdup_printf ("%" G_GSIZE_FORMAT, c->max_values);

              return _pw_json_check_fail (c, c->pos, PW_ERROR_TOO_LARGE,
                                          /* Translators: %s is a number, e.g. 4000000 */
                                          _("More than %s values in the file; this value is "
                                            "one too many"), limit);
            }

          if (ch == '[' || ch == '{')
            {
              if (!push (c, ch == '{'))
                return FALSE;
              state = ch == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
              continue;
            }
          else if (ch == '"')
            {
              if (!_pw_json_check_scan_string (c, FALSE))
                return FALSE;
            }
          else if (ch == '-' || is_digit (ch))
            {
              if (!_pw_json_check_scan_number (c))
                return FALSE;
            }
          else if (is_word_start (ch))
            {
              if (!_pw_json_check_scan_word (c))
                return FALSE;
            }
          else
            {
              return fail_unexpected (c, state);
            }
          state = state_after_value (c);
          break;

        case EXPECT_KEY:
        case EXPECT_KEY_OR_CLOSE:
          if (ch == '}' && state == EXPECT_KEY_OR_CLOSE)
            {
              pop (c);
              state = state_after_value (c);
            }
          else if (ch == '"')
            {
              if (!_pw_json_check_scan_key (c))
                return FALSE;
              state = EXPECT_COLON;
            }
          else
            {
              return fail_unexpected (c, state);
            }
          break;

        case EXPECT_COLON:
          if (ch != ':')
            return fail_unexpected (c, state);
          c->pos++;
          state = EXPECT_VALUE;
          break;

        case EXPECT_COMMA_OR_CLOSE:
          if (ch == ',')
            {
              c->last_comma = c->pos++;
              state = c->frames[c->depth - 1].is_object ? EXPECT_KEY : EXPECT_VALUE;
            }
          else if (ch == (c->frames[c->depth - 1].is_object ? '}' : ']'))
            {
              pop (c);
              state = state_after_value (c);
            }
          else
            {
              return fail_unexpected (c, state);
            }
          break;

        case EXPECT_END:
          return fail_unexpected (c, state);

        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * pw_json_check:
 * @data: (array length=length): the bytes; need not be NUL-terminated
 * @length: the number of bytes in @data
 * @limits: (nullable): limits, or %NULL for the defaults
 * @error: return location for a #GError
 *
 * Checks that @data is one strict RFC 8259 JSON text within @limits, before
 * it is handed to json-glib: exactly one value with optional white space
 * around it; no comments, single quotes, hex, leading zeros, NaN or
 * Infinity; valid UTF-8 throughout; no NUL characters, unpaired surrogates
 * or raw control characters in strings; integers within #gint64 and other
 * numbers finite; no member name twice in one object (compared after
 * unescaping); at most @limits' max_values values in all.
 *
 * The check uses no recursion, runs in linear time and stops at the first
 * problem.  The error is in the %PW_ERROR domain and its message starts with
 * the `line:column: ` of the problem (both 1-based, columns in characters).
 *
 * Returns: %TRUE if @data is acceptable
 */
gboolean
pw_json_check (const char          *data,
               gsize                length,
               const PwJsonLimits  *limits,
               GError             **error)
{
  PwJsonChecker c = { 0, };
  gsize max_bytes = PW_JSON_DEFAULT_MAX_BYTES;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  c.max_depth = PW_JSON_DEFAULT_MAX_DEPTH;
  c.max_string = PW_JSON_DEFAULT_MAX_STRING;
  c.max_values = PW_JSON_DEFAULT_MAX_VALUES;

  if (limits != NULL)
    {
      if (limits->max_bytes != 0)
        max_bytes = limits->max_bytes;
      if (limits->max_depth != 0)
        c.max_depth = limits->max_depth;
      if (limits->max_string != 0)
        c.max_string = limits->max_string;
      if (limits->max_values != 0)
        c.max_values = limits->max_values;
    }

  if (length > max_bytes)
    {
      g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *message = NULL;

      /* Translators: %s is a size such as “64.0 MiB” */
      message = g_strdup_printf (_("The file is larger than the limit of %s"), limit);
      g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE, "%u:%u: %s", 1, 1, message);

      return FALSE;
    }

  c.data = (const guchar *) data;
  c.length = length;
  c.error = error;
  c.keys = g_string_new (NULL);

  ok = check_document (&c);

  while (c.depth > 0)
    g_free (c.frames[--c.depth].slots);
  g_free (c.frames);
  g_string_free (c.keys, TRUE);

  return ok;
}
