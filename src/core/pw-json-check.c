/* pw-json-check.c
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

#include "pw-json-check.h"

/*
 * A strict RFC 8259 syntax check that runs before json-glib sees any bytes.
 *
 * json-glib 1.6.6 recurses once per nesting level (and crashes at ~60,000
 * levels), accepts comments, hex numbers, single quotes and several top-level
 * values, wraps huge integers, turns 1e400 into infinity, cuts strings at
 * \u0000, asserts on lone surrogate escapes and keeps the last of duplicate
 * members.  This checker rejects all of that.
 *
 * It is a single pass over the bytes with an explicit stack (one Frame per
 * open array or object, at most max_depth of them), so it neither recurses
 * nor reads past the first error.  Every byte before the error offset has
 * been validated, which is what lets locate() count UTF-8 characters
 * naïvely.
 *
 * Member names of the open objects live in one arena (`keys`) used as a
 * stack: each entry is a gsize length followed by the unescaped bytes, and
 * an object's entries are truncated away when it closes.  Small objects are
 * searched linearly; from SMALL_OBJECT_KEYS names on, an object gets an
 * open-addressing hash index of arena offsets, keyed with a per-process
 * random SipHash key so crafted names cannot force quadratic time.
 */

#define MAX_NUMBER_LENGTH 1000
#define MAX_QUOTED_CHARS  40
#define SMALL_OBJECT_KEYS 8

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

typedef struct
{
  gboolean  is_object;
  gsize     keys_start;  /* offset in Checker.keys of this object's first name */
  gsize     n_keys;
  gsize    *slots;       /* NULL, or n_slots arena offsets + 1 (0 = empty) */
  gsize     n_slots;     /* a power of two */
} Frame;

typedef struct
{
  const guchar  *data;
  gsize          length;
  gsize          pos;
  gsize          max_string;
  guint          max_depth;

  Frame         *frames;
  guint          depth;
  guint          n_frames;
  gsize          last_comma;

  GString       *keys;
  const guint64 *hash_key;

  GError       **error;
} Checker;

static gboolean fail (Checker    *c,
                      gsize       offset,
                      PwError     code,
                      const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

static inline gboolean
is_digit (guchar ch)
{
  return ch >= '0' && ch <= '9';
}

static inline gboolean
is_hex_digit (guchar ch)
{
  return is_digit (ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

static inline gboolean
is_word_start (guchar ch)
{
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '$';
}

static inline gboolean
is_word_char (guchar ch)
{
  return is_word_start (ch) || is_digit (ch);
}

static inline gboolean
is_number_char (guchar ch)
{
  return is_word_char (ch) || ch == '.' || ch == '+' || ch == '-';
}

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
static gsize
decode_utf8 (const guchar *p,
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
 * MAX_QUOTED_CHARS characters, invisible characters as U+XXXX, control
 * characters and bytes that are not UTF-8 as \xNN.
 */
static char *
quote_text (const guchar *p,
            gsize         n)
{
  GString *s = g_string_new (NULL);
  gsize i = 0;
  guint n_chars = 0;

  while (i < n)
    {
      gunichar cp;
      gsize len;

      if (n_chars == MAX_QUOTED_CHARS)
        {
          g_string_append (s, "…");
          break;
        }

      len = decode_utf8 (p + i, n - i, &cp);
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
static gsize
char_extent (Checker *c,
             gsize    offset)
{
  gunichar cp;
  gsize len = decode_utf8 (c->data + offset, c->length - offset, &cp);

  return len > 0 ? len : 1;
}

/* The extent of the run of bytes at @offset that satisfy @pred, stopping a
 * little after the quoting limit (the rest would not be shown anyway).
 */
static gsize
run_extent (Checker  *c,
            gsize     offset,
            gboolean (*pred) (guchar))
{
  gsize n = 0;

  while (offset + n < c->length && n <= MAX_QUOTED_CHARS && pred (c->data[offset + n]))
    n++;

  return n;
}

static char *
quote_at (Checker *c,
          gsize    offset,
          gsize    n)
{
  return quote_text (c->data + offset, n);
}

/* Line and column (1-based, in characters) of @offset.  Lines end at LF, CR
 * LF or a lone CR.  Everything before @offset has been validated as UTF-8,
 * so counting the bytes that are not continuation bytes counts characters.
 */
static void
locate (Checker *c,
        gsize    offset,
        guint   *line,
        guint   *column)
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

static gboolean
fail (Checker    *c,
      gsize       offset,
      PwError     code,
      const char *format,
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

static gboolean
fail_nul (Checker *c,
          gsize    offset)
{
  return fail (c, offset, PW_ERROR_STRING, _("The text contains a NUL character (\\u0000)"));
}

static gboolean
fail_utf8 (Checker *c,
           gsize    offset)
{
  /* Translators: %02X is the first offending byte in hexadecimal, e.g. “FF” */
  return fail (c, offset, PW_ERROR_STRING, _("Invalid UTF-8 (byte 0x%02X)"), c->data[offset]);
}

/* ---- Member names --------------------------------------------------------- */

#define ROTL64(x, b) (guint64) (((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND               \
  G_STMT_START                 \
  {                            \
    v0 += v1;                  \
    v1 = ROTL64 (v1, 13);      \
    v1 ^= v0;                  \
    v0 = ROTL64 (v0, 32);      \
    v2 += v3;                  \
    v3 = ROTL64 (v3, 16);      \
    v3 ^= v2;                  \
    v0 += v3;                  \
    v3 = ROTL64 (v3, 21);      \
    v3 ^= v0;                  \
    v2 += v1;                  \
    v1 = ROTL64 (v1, 17);      \
    v1 ^= v2;                  \
    v2 = ROTL64 (v2, 32);      \
  }                            \
  G_STMT_END

/* SipHash-2-4 (Aumasson and Bernstein). */
static guint64
siphash24 (const guint64  key[2],
           const guchar  *in,
           gsize          len)
{
  guint64 v0 = G_GUINT64_CONSTANT (0x736f6d6570736575) ^ key[0];
  guint64 v1 = G_GUINT64_CONSTANT (0x646f72616e646f6d) ^ key[1];
  guint64 v2 = G_GUINT64_CONSTANT (0x6c7967656e657261) ^ key[0];
  guint64 v3 = G_GUINT64_CONSTANT (0x7465646279746573) ^ key[1];
  guint64 b = ((guint64) len) << 56;
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 m = 0;

      for (guint j = 0; j < 8; j++)
        m |= ((guint64) in[i + j]) << (8 * j);

      v3 ^= m;
      SIPROUND;
      SIPROUND;
      v0 ^= m;
    }

  for (guint j = 0; i + j < len; j++)
    b |= ((guint64) in[i + j]) << (8 * j);

  v3 ^= b;
  SIPROUND;
  SIPROUND;
  v0 ^= b;
  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  SIPROUND;

  return v0 ^ v1 ^ v2 ^ v3;
}

/* A random key per process, so that nobody can prepare member names that
 * all land in the same bucket.  A private GRand (seeded from /dev/urandom)
 * leaves the global g_random_*() sequence alone.
 */
static const guint64 *
get_hash_key (void)
{
  static guint64 key[2];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      GRand *rng = g_rand_new ();

      for (guint i = 0; i < 2; i++)
        key[i] = ((guint64) g_rand_int (rng) << 32) | g_rand_int (rng);

      g_rand_free (rng);
      g_once_init_leave (&initialized, 1);
    }

  return key;
}

static inline gsize
entry_length (Checker *c,
              gsize    entry)
{
  gsize len;

  memcpy (&len, c->keys->str + entry, sizeof len);

  return len;
}

static inline const guchar *
entry_bytes (Checker *c,
             gsize    entry)
{
  return (const guchar *) c->keys->str + entry + sizeof (gsize);
}

static inline gsize
entry_next (Checker *c,
            gsize    entry)
{
  return entry + sizeof (gsize) + entry_length (c, entry);
}

static gboolean
entries_equal (Checker *c,
               gsize    a,
               gsize    b)
{
  gsize len = entry_length (c, a);

  return len == entry_length (c, b) && memcmp (entry_bytes (c, a), entry_bytes (c, b), len) == 0;
}

static guint64
entry_hash (Checker *c,
            gsize    entry)
{
  if (c->hash_key == NULL)
    c->hash_key = get_hash_key ();

  return siphash24 (c->hash_key, entry_bytes (c, entry), entry_length (c, entry));
}

static void
index_insert (Checker *c,
              Frame   *frame,
              gsize    entry)
{
  gsize mask = frame->n_slots - 1;
  gsize i = (gsize) entry_hash (c, entry) & mask;

  while (frame->slots[i] != 0)
    i = (i + 1) & mask;

  frame->slots[i] = entry + 1;
}

/* (Re)builds @frame's index with @n_slots slots from all its names. */
static void
index_rebuild (Checker *c,
               Frame   *frame,
               gsize    n_slots)
{
  g_free (frame->slots);
  frame->slots = g_new0 (gsize, n_slots);
  frame->n_slots = n_slots;

  for (gsize entry = frame->keys_start; entry < c->keys->len; entry = entry_next (c, entry))
    index_insert (c, frame, entry);
}

static gboolean
frame_has_key (Checker *c,
               Frame   *frame,
               gsize    candidate)
{
  if (frame->slots == NULL)
    {
      for (gsize entry = frame->keys_start; entry < candidate; entry = entry_next (c, entry))
        {
          if (entries_equal (c, entry, candidate))
            return TRUE;
        }
    }
  else
    {
      gsize mask = frame->n_slots - 1;
      gsize i = (gsize) entry_hash (c, candidate) & mask;

      for (; frame->slots[i] != 0; i = (i + 1) & mask)
        {
          if (entries_equal (c, frame->slots[i] - 1, candidate))
            return TRUE;
        }
    }

  return FALSE;
}

/* Adds the name just appended to the arena at @entry to @frame. */
static void
frame_add_key (Checker *c,
               Frame   *frame,
               gsize    entry)
{
  frame->n_keys++;

  if (frame->slots == NULL)
    {
      if (frame->n_keys >= SMALL_OBJECT_KEYS)
        index_rebuild (c, frame, 4 * SMALL_OBJECT_KEYS);
    }
  else if (frame->n_keys > frame->n_slots / 2)
    {
      index_rebuild (c, frame, frame->n_slots * 2);
    }
  else
    {
      index_insert (c, frame, entry);
    }
}

/* ---- Tokens --------------------------------------------------------------- */

static void
skip_whitespace (Checker *c)
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
read_hex4 (Checker  *c,
           gsize     offset,
           gunichar *value,
           gsize    *n_hex)
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
fail_escape (Checker *c,
             gsize    escape,
             gsize    n)
{
  g_autofree char *quoted = quote_at (c, escape, n);

  /* Translators: %s is an escape sequence such as “\x” or “\u12” */
  return fail (c, escape, PW_ERROR_SYNTAX, _("Invalid escape “%s” in a string"), quoted);
}

static gboolean
fail_surrogate (Checker *c,
                gsize    escape)
{
  g_autofree char *quoted = quote_at (c, escape, 6);

  /* Translators: %s is an escape sequence such as “\uD800” */
  return fail (c, escape, PW_ERROR_STRING,
               _("Unpaired surrogate “%s” in a string"), quoted);
}

/* Decodes the escape sequence at c->pos (a backslash) and advances past it. */
static gboolean
scan_escape (Checker  *c,
             gunichar *out)
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
        return fail_nul (c, escape);

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
      return fail_escape (c, escape, 1 + char_extent (c, escape + 1));
    }

  c->pos += 2;
  *out = cp;

  return TRUE;
}

/* Scans the string whose opening quote is at c->pos.  For a member name
 * (@key), the unescaped bytes are appended to the arena.
 */
static gboolean
scan_string (Checker  *c,
             gboolean  key)
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
        return fail (c, start, PW_ERROR_SYNTAX, _("Unterminated string"));

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
            return fail (c, start, PW_ERROR_SYNTAX, _("Unterminated string"));

          if (!scan_escape (c, &cp))
            return FALSE;

          n = g_unichar_to_utf8 (cp, utf8);
          chunk = (const guchar *) utf8;
        }
      else if (ch == 0)
        {
          return fail_nul (c, c->pos);
        }
      else if (ch < 0x20)
        {
          /* Translators: %04X is a code point in hexadecimal, e.g. “0009” for a tab */
          return fail (c, c->pos, PW_ERROR_SYNTAX,
                       _("Control character U+%04X must be escaped in a string"), ch);
        }
      else if (ch < 0x80)
        {
          n = 1;
          c->pos++;
        }
      else
        {
          gunichar cp;

          n = decode_utf8 (chunk, c->length - c->pos, &cp);
          if (n == 0)
            return fail_utf8 (c, c->pos);
          c->pos += n;
        }

      if (n > c->max_string - size)
        {
          g_autofree char *limit = g_format_size (c->max_string);

          /* Translators: %s is a size such as “1.0 MB” */
          return fail (c, start, PW_ERROR_TOO_LARGE,
                       _("String longer than the limit of %s"), limit);
        }
      size += n;

      if (key)
        g_string_append_len (c->keys, (const char *) chunk, n);
    }
}

static gboolean
scan_key (Checker *c)
{
  Frame *frame = &c->frames[c->depth - 1];
  gsize entry = c->keys->len;
  gsize start = c->pos;
  gsize len = 0;

  g_string_append_len (c->keys, (const char *) &len, sizeof len);

  if (!scan_string (c, TRUE))
    return FALSE;

  len = c->keys->len - entry - sizeof len;
  memcpy (c->keys->str + entry, &len, sizeof len);

  if (frame_has_key (c, frame, entry))
    {
      g_autofree char *quoted = quote_text (entry_bytes (c, entry), len);

      /* Translators: %s is a member name */
      return fail (c, start, PW_ERROR_DUPLICATE_KEY,
                   _("Duplicate member “%s” in the same object"), quoted);
    }

  frame_add_key (c, frame, entry);

  return TRUE;
}

typedef enum
{
  NUMBER_INVALID,
  NUMBER_LEADING_ZERO,
  NUMBER_HEX,
} NumberProblem;

static gboolean
fail_number (Checker       *c,
             gsize          start,
             gsize          end,
             NumberProblem  problem)
{
  gsize n = end - start;
  g_autofree char *quoted = NULL;

  /* Show the whole malformed token, e.g. “0x1F” rather than “0”. */
  while (start + n < c->length && n <= MAX_QUOTED_CHARS && is_number_char (c->data[start + n]))
    n++;

  quoted = quote_at (c, start, n);

  switch (problem)
    {
    case NUMBER_LEADING_ZERO:
      /* Translators: %s is the number as written, e.g. “010” */
      return fail (c, start, PW_ERROR_SYNTAX, _("Numbers must not have leading zeros: “%s”"),
                   quoted);

    case NUMBER_HEX:
      /* Translators: %s is the number as written, e.g. “0x1F” */
      return fail (c, start, PW_ERROR_SYNTAX,
                   _("Hexadecimal numbers are not allowed in JSON: “%s”"), quoted);

    case NUMBER_INVALID:
    default:
      /* Translators: %s is the malformed number as written, e.g. “5.” or “1e” */
      return fail (c, start, PW_ERROR_SYNTAX, _("Invalid number “%s”"), quoted);
    }
}

static gboolean
scan_digits (Checker *c,
             gsize   *p)
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
static gboolean
scan_number (Checker *c)
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
      /* Translators: %u is a number of characters */
      return fail (c, start, PW_ERROR_NUMBER,
                   g_dngettext (GETTEXT_PACKAGE, "Number longer than %u character",
                                "Number longer than %u characters", MAX_NUMBER_LENGTH),
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
      g_autofree char *quoted = quote_at (c, start, p - start);

      /* Translators: %s is the number as written, e.g. 99999999999999999999999 or 1e400 */
      return fail (c, start, PW_ERROR_NUMBER, _("Number %s is too large"), quoted);
    }

  c->pos = p;

  return TRUE;
}

static gboolean
scan_word (Checker *c)
{
  gsize start = c->pos;
  gsize n = run_extent (c, start, is_word_char);
  const char *word = (const char *) c->data + start;

  if ((n == 4 && (memcmp (word, "true", 4) == 0 || memcmp (word, "null", 4) == 0)) ||
      (n == 5 && memcmp (word, "false", 5) == 0))
    {
      c->pos += n;
      return TRUE;
    }

  if ((n == 3 && memcmp (word, "NaN", 3) == 0) || (n == 8 && memcmp (word, "Infinity", 8) == 0))
    return fail (c, start, PW_ERROR_SYNTAX, _("NaN and Infinity are not allowed in JSON"));

  {
    g_autofree char *quoted = quote_at (c, start, n);

    /* Translators: %s is a word found where a value was expected, e.g. “var” */
    return fail (c, start, PW_ERROR_SYNTAX,
                 _("Unexpected word “%s”; the only words allowed are true, false and null"),
                 quoted);
  }
}

/* ---- Structure ------------------------------------------------------------ */

static gboolean
push (Checker  *c,
      gboolean  is_object)
{
  Frame *frame;

  if (c->depth >= c->max_depth)
    {
      /* Translators: %u is the maximum number of nested arrays and objects */
      return fail (c, c->pos, PW_ERROR_TOO_DEEP,
                   g_dngettext (GETTEXT_PACKAGE, "Nesting deeper than %u level",
                                "Nesting deeper than %u levels", c->max_depth),
                   c->max_depth);
    }

  if (c->depth == c->n_frames)
    {
      c->n_frames = MAX (16, c->n_frames * 2);
      c->n_frames = MIN (c->n_frames, c->max_depth);
      c->frames = g_renew (Frame, c->frames, c->n_frames);
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
pop (Checker *c)
{
  Frame *frame = &c->frames[--c->depth];

  g_clear_pointer (&frame->slots, g_free);
  g_string_truncate (c->keys, frame->keys_start);
  c->pos++;
}

static State
state_after_value (Checker *c)
{
  return c->depth == 0 ? EXPECT_END : EXPECT_COMMA_OR_CLOSE;
}

static const char *
describe_expected (Checker *c,
                   State    state)
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
fail_unexpected (Checker *c,
                 State    state)
{
  gsize pos = c->pos;
  guchar ch = c->data[pos];
  gboolean wants_value = state == EXPECT_VALUE || state == EXPECT_VALUE_OR_CLOSE;
  gboolean wants_key = state == EXPECT_KEY || state == EXPECT_KEY_OR_CLOSE;
  g_autofree char *quoted = NULL;

  if (ch == 0)
    return fail_nul (c, pos);

  if (ch >= 0x80 && char_extent (c, pos) == 1)
    return fail_utf8 (c, pos);

  if (ch == '/' && pos + 1 < c->length && (c->data[pos + 1] == '/' || c->data[pos + 1] == '*'))
    return fail (c, pos, PW_ERROR_SYNTAX, _("Comments are not allowed in JSON"));

  if (state == EXPECT_END)
    {
      gsize n = is_word_start (ch) ? run_extent (c, pos, is_word_char) : char_extent (c, pos);

      quoted = quote_at (c, pos, n);
      /* Translators: %s is the text found after the end of the document's value */
      return fail (c, pos, PW_ERROR_SYNTAX,
                   _("Unexpected “%s” after the JSON value; a file holds exactly one value"),
                   quoted);
    }

  if (ch == '\'' && (wants_value || wants_key))
    return fail (c, pos, PW_ERROR_SYNTAX, _("Strings must use double quotes, not single quotes"));

  /* In an array, only a comma leads to EXPECT_VALUE; in an object, only a
   * comma leads to EXPECT_KEY.
   */
  if ((state == EXPECT_VALUE && ch == ']' && c->depth > 0 && !c->frames[c->depth - 1].is_object) ||
      (state == EXPECT_KEY && ch == '}'))
    return fail (c, c->last_comma, PW_ERROR_SYNTAX, _("Trailing commas are not allowed in JSON"));

  if (wants_value && ch == '+')
    return fail (c, pos, PW_ERROR_SYNTAX, _("Numbers must not start with “+”"));

  if (wants_value && ch == '.')
    return fail (c, pos, PW_ERROR_SYNTAX, _("Numbers must start with a digit, not “.”"));

  if (wants_key && is_word_start (ch))
    {
      quoted = quote_at (c, pos, run_extent (c, pos, is_word_char));
      /* Translators: %s is a member name written without quotes */
      return fail (c, pos, PW_ERROR_SYNTAX,
                   _("Member name “%s” must be in double quotes"), quoted);
    }

  quoted = quote_at (c, pos, char_extent (c, pos));

  /* Translators: the first %s is the character found, the second what was
   * expected instead, e.g. “a value” or ““,” or “]””
   */
  return fail (c, pos, PW_ERROR_SYNTAX, _("Unexpected character “%s”; expected %s"),
               quoted, describe_expected (c, state));
}

static gboolean
check_document (Checker *c)
{
  State state = EXPECT_VALUE;

  if (c->length >= 3 && memcmp (c->data, "\xEF\xBB\xBF", 3) == 0)
    return fail (c, 0, PW_ERROR_SYNTAX,
                 _("The file starts with a byte-order mark (BOM), which JSON does not allow"));

  skip_whitespace (c);
  if (c->pos == c->length)
    {
      if (c->length == 0)
        return fail (c, 0, PW_ERROR_SYNTAX, _("The file is empty"));
      else
        return fail (c, 0, PW_ERROR_SYNTAX, _("The file is empty (it contains only white space)"));
    }

  for (;;)
    {
      guchar ch;

      skip_whitespace (c);

      if (c->pos >= c->length)
        {
          if (state == EXPECT_END)
            return TRUE;

          /* Translators: %s is what was expected, e.g. “a value” or ““,” or “]”” */
          return fail (c, c->length, PW_ERROR_SYNTAX, _("Unexpected end of file; expected %s"),
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
            }
          else if (ch == '[' || ch == '{')
            {
              if (!push (c, ch == '{'))
                return FALSE;
              state = ch == '{' ? EXPECT_KEY_OR_CLOSE : EXPECT_VALUE_OR_CLOSE;
              continue;
            }
          else if (ch == '"')
            {
              if (!scan_string (c, FALSE))
                return FALSE;
            }
          else if (ch == '-' || is_digit (ch))
            {
              if (!scan_number (c))
                return FALSE;
            }
          else if (is_word_start (ch))
            {
              if (!scan_word (c))
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
              if (!scan_key (c))
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
 * unescaping).
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
  Checker c = { 0, };
  gsize max_bytes = PW_JSON_DEFAULT_MAX_BYTES;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  c.max_depth = PW_JSON_DEFAULT_MAX_DEPTH;
  c.max_string = PW_JSON_DEFAULT_MAX_STRING;

  if (limits != NULL)
    {
      if (limits->max_bytes != 0)
        max_bytes = limits->max_bytes;
      if (limits->max_depth != 0)
        c.max_depth = limits->max_depth;
      if (limits->max_string != 0)
        c.max_string = limits->max_string;
    }

  if (length > max_bytes)
    {
      g_autofree char *limit = g_format_size (max_bytes);
      g_autofree char *message = NULL;

      /* Translators: %s is a size such as “67.1 MB” */
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
