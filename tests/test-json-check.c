/* test-json-check.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json-check"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "pw-json-check.h"

typedef struct
{
  const char   *name;
  const char   *data;
  gssize        length;    /* -1: strlen (data) */
  PwJsonLimits  limits;
  int           code;      /* a PwError, or -1 if the document is valid */
  const char   *where;     /* the expected "line:column:" prefix */
  const char   *contains;  /* nullable: a part of the expected message */
} CheckCase;

#define VALID(n, d)            { n, d, -1, { 0, 0, 0 }, -1, NULL, NULL }
#define INVALID(n, d, c, w)    { n, d, -1, { 0, 0, 0 }, PW_ERROR_##c, w, NULL }
#define INVALID_MSG(n, d, c, w, m) \
                               { n, d, -1, { 0, 0, 0 }, PW_ERROR_##c, w, m }

static const CheckCase cases[] = {
  /* Valid documents: every type at the top level, nesting, escapes, ranges. */
  VALID ("valid-object", "{\"a\":1}"),
  VALID ("valid-array", "[1,2,3]"),
  VALID ("valid-string", "\"hello\""),
  VALID ("valid-number", "42"),
  VALID ("valid-true", "true"),
  VALID ("valid-false", "false"),
  VALID ("valid-null", "null"),
  VALID ("valid-empty-object", "{}"),
  VALID ("valid-empty-array", "[]"),
  VALID ("valid-empty-string", "\"\""),
  VALID ("valid-empty-member-name", "{\"\":1}"),
  VALID ("valid-nested",
         "{\"a\":[{\"b\":{\"c\":[null,true,false,\"x\",-1.5e3,[],{}]}}],\"d\":{}}"),
  VALID ("valid-whitespace", " \t\r\n{ \"a\" : [ 1 , 2 ] ,\n\"b\"\r\n:\tnull }\r\n "),
  VALID ("valid-escapes", "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""),
  VALID ("valid-unicode-escapes", "\"\\u00e9\\u4E2D\\u20ac\\uFFFF\""),
  VALID ("valid-surrogate-pair", "\"\\uD83D\\uDE00 and \\ud834\\udd1e\""),
  VALID ("valid-raw-utf8", "{\"é\":\"中文 😀 \xF4\x8F\xBF\xBF\"}"),
  VALID ("valid-raw-del", "\"a\x7F" "b\""),
  VALID ("valid-int64-min", "-9223372036854775808"),
  VALID ("valid-int64-max", "9223372036854775807"),
  VALID ("valid-1e308", "1e308"),
  VALID ("valid-max-double", "1.7976931348623157e308"),
  VALID ("valid-minus-zero", "-0"),
  VALID ("valid-small-exponent", "0.5e-3"),
  VALID ("valid-underflow-to-zero", "[1e-400,-1e-400]"),
  VALID ("valid-number-forms", "[0,-1,1E5,1e+5,1e-5,-0.0,0e0,10,123.456e-7]"),
  VALID ("valid-long-zero-exponent", "0e99999999999999999999"),
  VALID ("valid-same-member-in-two-objects", "[{\"a\":1},{\"a\":2}]"),
  VALID ("valid-same-member-nested", "{\"a\":{\"a\":{\"a\":1}},\"b\":{\"a\":2}}"),
  VALID ("valid-case-differs", "{\"a\":1,\"A\":2,\"a \":3}"),
  { "valid-string-at-limit", "\"abcde\"", -1, { 0, 0, 5 }, -1, NULL, NULL },
  { "valid-escaped-string-at-limit", "\"\\u00e9\\u00e9x\"", -1, { 0, 0, 5 }, -1, NULL, NULL },
  { "valid-size-at-limit", "[1,2,3]", -1, { 7, 0, 0 }, -1, NULL, NULL },
  { "valid-depth-at-custom-limit", "[[{\"a\":[]}]]", -1, { 0, 4, 0 }, -1, NULL, NULL },

  /* Numbers out of range (RELIABILITY case 11). */
  INVALID_MSG ("int64-max-plus-one", "9223372036854775808", NUMBER, "1:1:",
               "Number 9223372036854775808 is too large"),
  INVALID_MSG ("int64-min-minus-one", "-9223372036854775809", NUMBER, "1:1:",
               "Number -9223372036854775809 is too small"),
  VALID ("valid-int64-min-in-array", "[-9223372036854775808]"),
  INVALID_MSG ("huge-integer", "99999999999999999999999", NUMBER, "1:1:",
               "Number 99999999999999999999999 is too large"),
  INVALID ("huge-integer-in-array", "[1,\n 99999999999999999999999]", NUMBER, "2:2:"),
  INVALID ("float-overflow", "1e400", NUMBER, "1:1:"),
  INVALID_MSG ("float-overflow-negative", "-1e400", NUMBER, "1:1:", "Number -1e400 is too small"),
  INVALID ("float-overflow-mantissa", "{\"x\":1.8e308}", NUMBER, "1:6:"),
  INVALID ("float-overflow-long-exponent", "1e99999999999999999999", NUMBER, "1:1:"),

  /* Syntax json-glib accepts but RFC 8259 does not (case 12). */
  INVALID_MSG ("comment-block", "/*c*/{}", SYNTAX, "1:1:", "Comments are not allowed"),
  INVALID ("comment-line", "//x\n{}", SYNTAX, "1:1:"),
  INVALID ("comment-after-value", "{} // x", SYNTAX, "1:4:"),
  INVALID ("comment-inside", "[1, /* two */ 2]", SYNTAX, "1:5:"),
  INVALID_MSG ("hex-number", "0x1F", SYNTAX, "1:1:", "“0x1F”"),
  INVALID_MSG ("octal-number", "010", SYNTAX, "1:1:", "leading zeros: “010”"),
  INVALID ("negative-leading-zero", "[-01]", SYNTAX, "1:2:"),
  INVALID ("single-quotes", "'x'", SYNTAX, "1:1:"),
  INVALID ("single-quoted-member", "{'a':1}", SYNTAX, "1:2:"),
  INVALID_MSG ("var-wrapper", "var x = {}", SYNTAX, "1:1:", "“var”"),
  INVALID ("two-values", "{}{}", SYNTAX, "1:3:"),
  INVALID ("two-scalars", "1 2", SYNTAX, "1:3:"),
  INVALID_MSG ("trailing-garbage", "{} x", SYNTAX, "1:4:", "“x”"),
  INVALID ("trailing-comma-array", "[1,]", SYNTAX, "1:3:"),
  INVALID ("trailing-comma-object", "{\"a\":1,}", SYNTAX, "1:7:"),
  INVALID ("leading-comma", "[,1]", SYNTAX, "1:2:"),
  INVALID ("missing-colon", "{\"a\" 1}", SYNTAX, "1:6:"),
  INVALID ("missing-comma", "[1 2]", SYNTAX, "1:4:"),
  INVALID ("missing-value", "{\"a\":}", SYNTAX, "1:6:"),
  INVALID ("colon-in-array", "[1:2]", SYNTAX, "1:3:"),
  INVALID ("mismatched-bracket", "[1}", SYNTAX, "1:3:"),
  INVALID ("mismatched-brace", "{\"a\":1]", SYNTAX, "1:7:"),
  INVALID ("lone-close", "]", SYNTAX, "1:1:"),
  INVALID_MSG ("unquoted-member", "{a:1}", SYNTAX, "1:2:", "“a”"),
  INVALID ("number-member", "{1:1}", SYNTAX, "1:2:"),
  INVALID ("nan", "NaN", SYNTAX, "1:1:"),
  INVALID ("infinity", "Infinity", SYNTAX, "1:1:"),
  INVALID ("minus-infinity", "-Infinity", SYNTAX, "1:1:"),
  INVALID ("leading-plus", "+1", SYNTAX, "1:1:"),
  INVALID ("leading-dot", ".5", SYNTAX, "1:1:"),
  INVALID_MSG ("trailing-dot", "5.", SYNTAX, "1:1:", "“5.”"),
  INVALID ("empty-exponent", "1e", SYNTAX, "1:1:"),
  INVALID ("empty-signed-exponent", "[1e+]", SYNTAX, "1:2:"),
  INVALID ("lone-minus", "-", SYNTAX, "1:1:"),
  INVALID ("double-dot", "1.2.3", SYNTAX, "1:1:"),
  INVALID ("truncated-true", "tru", SYNTAX, "1:1:"),
  INVALID ("truncated-null", "[nul]", SYNTAX, "1:2:"),
  INVALID ("long-literal", "truex", SYNTAX, "1:1:"),
  INVALID ("capital-literal", "True", SYNTAX, "1:1:"),
  INVALID ("unterminated-string", "\"abc", SYNTAX, "1:1:"),
  INVALID ("unterminated-escape", "[\"abc\\", SYNTAX, "1:2:"),
  INVALID ("unterminated-array", "[1,2", SYNTAX, "1:5:"),
  INVALID ("unterminated-object", "{\"a\":1", SYNTAX, "1:7:"),
  INVALID ("unterminated-after-colon", "{\"a\":", SYNTAX, "1:6:"),
  INVALID_MSG ("invalid-escape", "\"\\x\"", SYNTAX, "1:2:", "“\\x”"),
  INVALID ("invalid-escape-quote", "\"\\'\"", SYNTAX, "1:2:"),
  INVALID_MSG ("short-unicode-escape", "\"\\u12\"", SYNTAX, "1:2:", "“\\u12”"),
  INVALID ("unicode-escape-at-end", "\"\\u12", SYNTAX, "1:2:"),
  INVALID ("uppercase-u-escape", "\"\\U0041\"", SYNTAX, "1:2:"),
  INVALID ("raw-tab", "\"a\tb\"", SYNTAX, "1:3:"),
  INVALID ("raw-newline", "[\"a\nb\"]", SYNTAX, "1:4:"),
  INVALID ("control-outside-string", "[\x01]", SYNTAX, "1:2:"),
  INVALID ("form-feed-whitespace", "[1,\f2]", SYNTAX, "1:4:"),
  INVALID ("no-break-space", "\xC2\xA0{}", SYNTAX, "1:1:"),

  /* Strings (case 13). */
  INVALID_MSG ("escaped-nul", "\"a\\u0000b\"", STRING, "1:3:",
               "The text contains a NUL character (\\u0000)"),
  INVALID_MSG ("lone-high-surrogate", "\"\\uD800\"", STRING, "1:2:", "“\\uD800”"),
  INVALID ("lone-low-surrogate", "\"\\uDC00x\"", STRING, "1:2:"),
  INVALID ("high-surrogate-then-letter", "\"\\uD800\\u0041\"", STRING, "1:2:"),
  INVALID ("reversed-surrogates", "\"\\uDC00\\uD800\"", STRING, "1:2:"),
  INVALID ("high-surrogate-at-end", "[\"x\\ud83d\"]", STRING, "1:4:"),
  INVALID ("two-high-surrogates", "\"\\uD83D\\uD83D\"", STRING, "1:2:"),
  INVALID ("surrogate-then-bad-escape", "\"\\uD83D\\u12\"", SYNTAX, "1:8:"),
  INVALID ("utf8-bad-continuation", "\"\xC3\x28\"", STRING, "1:2:"),
  INVALID ("utf8-ff", "\"\xFF\"", STRING, "1:2:"),
  INVALID ("utf8-overlong", "\"\xC0\xAF\"", STRING, "1:2:"),
  INVALID ("utf8-overlong-3", "\"\xE0\x80\xAF\"", STRING, "1:2:"),
  INVALID ("utf8-truncated-at-end", "\"ab\xE2\x82", STRING, "1:4:"),
  INVALID ("utf8-cesu-surrogate", "\"\xED\xA0\x80\"", STRING, "1:2:"),
  INVALID ("utf8-above-10ffff", "\"\xF4\x90\x80\x80\"", STRING, "1:2:"),
  INVALID ("utf8-stray-continuation", "[\"a\x80\"]", STRING, "1:4:"),
  INVALID ("utf8-outside-string", "[1,\xFF]", STRING, "1:4:"),
  INVALID ("utf8-after-value", "{}\xC3", STRING, "1:3:"),
  { "string-over-limit", "\"abcdef\"", -1, { 0, 0, 5 }, PW_ERROR_TOO_LARGE, "1:1:", NULL },
  { "escaped-string-over-limit", "[\"\\u00e9\\u00e9\\u00e9\"]", -1, { 0, 0, 5 },
    PW_ERROR_TOO_LARGE, "1:2:", NULL },
  { "member-name-over-limit", "{\"abcdef\":1}", -1, { 0, 0, 5 }, PW_ERROR_TOO_LARGE, "1:2:", NULL },

  /* Empty input, BOM, NUL bytes. */
  INVALID_MSG ("empty", "", SYNTAX, "1:1:", "The file is empty"),
  INVALID_MSG ("only-whitespace", " \n\t\r\n ", SYNTAX, "1:1:", "The file is empty"),
  INVALID_MSG ("byte-order-mark", "\xEF\xBB\xBF{}", SYNTAX, "1:1:", "byte-order mark"),
  INVALID ("byte-order-mark-alone", "\xEF\xBB\xBF", SYNTAX, "1:1:"),
  { "nul-between-values", "[1,\0 2]", 7, { 0, 0, 0 }, PW_ERROR_STRING, "1:4:", "NUL" },
  { "nul-in-string", "\"a\0b\"", 5, { 0, 0, 0 }, PW_ERROR_STRING, "1:3:", "NUL" },
  { "nul-after-value", "{}\0", 3, { 0, 0, 0 }, PW_ERROR_STRING, "1:3:", NULL },
  { "nul-only", "\0", 1, { 0, 0, 0 }, PW_ERROR_STRING, "1:1:", NULL },

  /* Duplicate members (case 14). */
  INVALID_MSG ("duplicate-member", "{\"a\":1,\"a\":2}", DUPLICATE_KEY, "1:8:",
               "Duplicate member “a” in the same object"),
  INVALID ("duplicate-member-escaped", "{\"a\":1,\"\\u0061\":2}", DUPLICATE_KEY, "1:8:"),
  INVALID ("duplicate-member-nested", "{\"x\":{\"b\":1,\"c\":2,\"b\":3}}", DUPLICATE_KEY, "1:19:"),
  INVALID ("duplicate-member-after-child",
           "{\"a\":{\"b\":1},\"b\":{\"a\":1},\"a\":2}", DUPLICATE_KEY, "1:26:"),
  INVALID ("duplicate-empty-member", "{\"\":1,\"\":2}", DUPLICATE_KEY, "1:7:"),
  INVALID ("duplicate-member-surrogates", "{\"😀\":1,\"\\ud83d\\ude00\":2}", DUPLICATE_KEY,
           "1:8:"),
  INVALID_MSG ("duplicate-member-quoted-safely", "{\"a\\nb\":1,\"a\\u000ab\":2}", DUPLICATE_KEY,
               "1:11:", "“a\\x0Ab”"),

  /* Sizes and depth with custom limits. */
  { "size-over-limit", "[1,2,3,4,5]", -1, { 8, 0, 0 }, PW_ERROR_TOO_LARGE, "1:1:", "8 bytes" },
  { "depth-over-custom-limit", "[[{\"a\":[]}]]", -1, { 0, 3, 0 }, PW_ERROR_TOO_DEEP, "1:8:",
    "Nesting deeper than 3 levels" },

  /* The number of values (issue 8): containers count, member names do not. */
  { "values-over-limit", "[1,2,3,4,5]", -1, { 0, 0, 0, 5 }, PW_ERROR_TOO_LARGE, "1:10:",
    "More than 5 values in the file" },
  { "values-at-limit", "[1,2,3,4]", -1, { 0, 0, 0, 5 }, -1, NULL, NULL },
  { "values-names-not-counted", "{\"a\":{\"b\":{}}}", -1, { 0, 0, 0, 3 }, -1, NULL, NULL },
  { "values-empty-containers", "[{},[],{}]", -1, { 0, 0, 0, 3 }, PW_ERROR_TOO_LARGE, "1:8:",
    "More than 3 values" },
  { "values-syntax-error-is-not-a-value", "[1,2,+]", -1, { 0, 0, 0, 3 }, PW_ERROR_SYNTAX, "1:6:",
    NULL },

  /* Places (case 15): lines, CR LF, characters rather than bytes. */
  INVALID_MSG ("line-3-column-10", "{\n  \"name\": \"x\",\n  \"list\":x\n}", SYNTAX, "3:10:",
               "“x”"),
  INVALID ("column-after-multibyte", "{\"é中😀\": x}", SYNTAX, "1:9:"),
  INVALID ("column-after-multibyte-line-2", "[\"ü\",\n \"ö\", ü]", SYNTAX, "2:7:"),
  INVALID ("crlf-lines", "[1,\r\n2,\r\nx]", SYNTAX, "3:1:"),
  INVALID ("cr-lines", "[1,\r2,\rx]", SYNTAX, "3:1:"),
  INVALID ("error-at-end-of-line-2", "[1,\n2", SYNTAX, "2:2:"),

  /* User text in messages is escaped and shortened. */
  INVALID_MSG ("quote-control-character", "[\x1b]", SYNTAX, "1:2:", "“\\x1B”"),
  INVALID_MSG ("quote-invisible-character", "[\xE2\x80\xAE]", SYNTAX, "1:2:", "“U+202E”"),
  INVALID_MSG ("quote-long-word", "{} aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
               SYNTAX, "1:4:", "“aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…”"),
};

static void
assert_message_clean (const char *message)
{
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_cmpuint (g_utf8_strlen (message, -1), <, 200);

  for (const char *p = message; *p; p = g_utf8_next_char (p))
    {
      gunichar cp = g_utf8_get_char (p);

      g_assert_false (g_unichar_iscntrl (cp));
      g_assert_cmpint (g_unichar_type (cp), !=, G_UNICODE_FORMAT);
    }
}

/* The "line:column:" part of @message, which must start with it. */
static char *
get_place (const char *message)
{
  const char *p = message;

  g_assert_true (g_ascii_isdigit (*p));
  while (g_ascii_isdigit (*p))
    p++;
  g_assert_cmpint (*p, ==, ':');
  p++;
  g_assert_true (g_ascii_isdigit (*p));
  while (g_ascii_isdigit (*p))
    p++;
  g_assert_cmpint (*p, ==, ':');
  p++;
  g_assert_cmpint (*p, ==, ' ');

  return g_strndup (message, p - message);
}

static void
assert_json_glib_parses (const char *data,
                         gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
}

static void
run_case (const CheckCase *tc)
{
  g_autoptr(GError) error = NULL;
  gsize length = tc->length < 0 ? strlen (tc->data) : (gsize) tc->length;
  gboolean ok;

  ok = pw_json_check (tc->data, length, &tc->limits, &error);

  if (tc->code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_true (pw_json_check (tc->data, length, &tc->limits, NULL));
      assert_json_glib_parses (tc->data, length);
    }
  else
    {
      g_autofree char *place = NULL;

      g_assert_false (ok);
      g_assert_error (error, PW_ERROR, tc->code);
      g_test_message ("%s", error->message);

      place = get_place (error->message);
      g_assert_cmpstr (place, ==, tc->where);
      if (tc->contains != NULL && strstr (error->message, tc->contains) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, tc->contains);
      assert_message_clean (error->message);

      g_assert_false (pw_json_check (tc->data, length, &tc->limits, NULL));
    }
}

static void
test_case (gconstpointer data)
{
  run_case (data);
}

/* ---- Generated documents --------------------------------------------------- */

static GPtrArray *generated;  /* CheckCase *, with data and where owned */

static void
generated_case_free (gpointer data)
{
  CheckCase *tc = data;

  g_free ((char *) tc->name);
  g_free ((char *) tc->data);
  g_free ((char *) tc->where);
  g_free (tc);
}

static void
add_generated (const char *name,
               GString    *data,
               guint       max_depth,
               gsize       max_string,
               int         code,
               char       *where)
{
  CheckCase *tc = g_new0 (CheckCase, 1);
  g_autofree char *path = g_strconcat ("/phasewise/json-check/", name, NULL);

  tc->name = g_strdup (name);
  tc->length = data->len;
  tc->data = g_string_free (data, FALSE);
  tc->limits.max_depth = max_depth;
  tc->limits.max_string = max_string;
  tc->code = code;
  tc->where = where;

  g_ptr_array_add (generated, tc);
  g_test_add_data_func (path, tc, test_case);
}

static GString *
make_nested_arrays (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');

  return s;
}

static GString *
make_nested_objects (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, "{\"a\":");
  g_string_append_c (s, '1');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '}');

  return s;
}

/* {"k0":0,"k1":1,…}, optionally with a last member named @repeat (written
 * as given, so it may use escapes).  @where gets the place of that member.
 */
static GString *
make_wide_object (guint        n,
                  const char  *repeat,
                  char       **where)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s\"k%u\":%u", i > 0 ? "," : "", i, i);

  if (repeat != NULL)
    {
      g_string_append_c (s, ',');
      *where = g_strdup_printf ("1:%" G_GSIZE_FORMAT ":", s->len + 1);
      g_string_append_printf (s, "\"%s\":true", repeat);
    }

  g_string_append_c (s, '}');

  return s;
}

static void
add_generated_cases (void)
{
  GString *s;
  char *where = NULL;

  /* Nesting (RELIABILITY case 10).  The error comes at the opening bracket
   * of level max_depth + 1.
   */
  add_generated ("deep-arrays-100000", make_nested_arrays (100000), 0, 0,
                 PW_ERROR_TOO_DEEP, g_strdup ("1:65:"));
  add_generated ("deep-objects-100000", make_nested_objects (100000), 0, 0,
                 PW_ERROR_TOO_DEEP, g_strdup ("1:321:"));
  add_generated ("deep-arrays-65", make_nested_arrays (65), 0, 0,
                 PW_ERROR_TOO_DEEP, g_strdup ("1:65:"));
  add_generated ("deep-objects-65", make_nested_objects (65), 0, 0,
                 PW_ERROR_TOO_DEEP, g_strdup ("1:321:"));
  add_generated ("valid-deep-arrays-64", make_nested_arrays (64), 0, 0, -1, NULL);
  add_generated ("valid-deep-objects-64", make_nested_objects (64), 0, 0, -1, NULL);
  add_generated ("deep-arrays-1025", make_nested_arrays (1025), 0, 0,
                 PW_ERROR_TOO_DEEP, g_strdup ("1:65:"));
  add_generated ("deep-arrays-1025-limit-1024", make_nested_arrays (1025), 1024, 0,
                 PW_ERROR_TOO_DEEP, g_strdup ("1:1025:"));
  add_generated ("valid-deep-arrays-1024-limit-1024", make_nested_arrays (1024), 1024, 0,
                 -1, NULL);
  s = make_nested_arrays (100000);
  g_string_truncate (s, 100000);
  add_generated ("deep-arrays-unclosed-100000", s, 0, 0, PW_ERROR_TOO_DEEP, g_strdup ("1:65:"));

  /* Wide objects: the hash index, its growth, and names that are equal
   * only after unescaping.
   */
  add_generated ("valid-wide-object", make_wide_object (5000, NULL, NULL), 0, 0, -1, NULL);
  s = make_wide_object (5000, "k4321", &where);
  add_generated ("duplicate-in-wide-object", s, 0, 0, PW_ERROR_DUPLICATE_KEY, where);
  s = make_wide_object (7, "k3", &where);
  add_generated ("duplicate-before-index", s, 0, 0, PW_ERROR_DUPLICATE_KEY, where);
  s = make_wide_object (8, "k3", &where);
  add_generated ("duplicate-at-index", s, 0, 0, PW_ERROR_DUPLICATE_KEY, where);
  s = make_wide_object (100, "k\\u00399", &where);
  add_generated ("duplicate-escaped-in-wide-object", s, 0, 0, PW_ERROR_DUPLICATE_KEY, where);

  /* Siblings and children with the same names as the parent. */
  s = g_string_new ("[");
  for (guint i = 0; i < 50; i++)
    {
      GString *child = make_wide_object (20, NULL, NULL);

      g_string_append_printf (s, "%s%s", i > 0 ? "," : "", child->str);
      g_string_free (child, TRUE);
    }
  g_string_append_c (s, ']');
  add_generated ("valid-many-wide-siblings", s, 0, 0, -1, NULL);

  s = g_string_new ("{");
  for (guint i = 0; i < 20; i++)
    {
      GString *child = make_wide_object (30, NULL, NULL);

      g_string_append_printf (s, "\"k%u\":%s,", i, child->str);
      g_string_free (child, TRUE);
    }
  where = g_strdup_printf ("1:%" G_GSIZE_FORMAT ":", s->len + 1);
  g_string_append (s, "\"k17\":0}");
  add_generated ("duplicate-after-wide-children", s, 0, 0, PW_ERROR_DUPLICATE_KEY, where);

  /* Long strings and numbers. */
  s = g_string_new ("\"");
  for (gsize i = 0; i < PW_JSON_DEFAULT_MAX_STRING; i++)
    g_string_append_c (s, 'x');
  g_string_append_c (s, '"');
  add_generated ("valid-string-at-default-limit", s, 0, 0, -1, NULL);

  s = g_string_new ("[\"");
  for (gsize i = 0; i <= PW_JSON_DEFAULT_MAX_STRING; i++)
    g_string_append_c (s, 'x');
  g_string_append (s, "\"]");
  add_generated ("string-over-default-limit", s, 0, 0, PW_ERROR_TOO_LARGE, g_strdup ("1:2:"));

  s = g_string_new ("[1.");
  for (guint i = 0; i < 998; i++)
    g_string_append_c (s, '0');
  g_string_append_c (s, ']');
  add_generated ("valid-number-1000-characters", s, 0, 0, -1, NULL);

  s = g_string_new ("[1.");
  for (guint i = 0; i < 999; i++)
    g_string_append_c (s, '0');
  g_string_append_c (s, ']');
  add_generated ("number-over-1000-characters", s, 0, 0, PW_ERROR_NUMBER, g_strdup ("1:2:"));

  s = g_string_new ("1");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (s, '0');
  add_generated ("integer-100000-digits", s, 0, 0, PW_ERROR_NUMBER, g_strdup ("1:1:"));
}

/* ---- Other tests -------------------------------------------------------- */

static void
test_null_and_defaults (void)
{
  g_autoptr(GError) error = NULL;
  PwJsonLimits zero = { 0, 0, 0 };

  g_assert_false (pw_json_check (NULL, 0, NULL, &error));
  g_assert_error (error, PW_ERROR, PW_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "1:1: "));
  g_clear_error (&error);

  /* Not NUL-terminated: only @length bytes are read. */
  g_assert_true (pw_json_check ("[1]]]", 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pw_json_check ("{\"a\":1}garbage", 7, &zero, NULL));
  g_assert_false (pw_json_check ("\"ab\"", 3, NULL, NULL));
}

static gpointer
check_in_thread (gpointer data)
{
  GString *deep = data;
  GError *error = NULL;

  if (pw_json_check (deep->str, deep->len, NULL, &error))
    return g_strdup ("accepted");

  return error;
}

static void
test_deep_in_thread (void)
{
  GString *deep = make_nested_arrays (100000);
  GThread *thread = g_thread_new ("json-check", check_in_thread, deep);
  g_autoptr(GError) error = g_thread_join (thread);

  g_assert_error (error, PW_ERROR, PW_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "1:65: "));
  g_string_free (deep, TRUE);
}

/* ---- Mutations ------------------------------------------------------------ */

static const char sample[] =
  "{\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Caf\\u00e9 \\\"Phase\\\" w\xC3\xB6rk \\ud83d\\ude00 \xF0\x9F\x98\x80\",\n"
  "  \"items\": [1, -2.5e3, 0, 0.5E-3, true, false, null,\n"
  "            {\"id\": \"a\\nb\\t\\/\", \"n\": [[], {}, [\"\"]]}],\n"
  "  \"big\": 9223372036854775807, \"neg\": -9223372036854775808,\n"
  "  \"nested\": {\"a\": {\"b\": {\"c\": [1, 2, {\"d\": null, \"e\": 1e308}]}}},\n"
  "  \"keys\": {\"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6,\n"
  "           \"k7\": 7, \"k8\": 8, \"k9\": 9, \"k10\": 10}\n"
  "}\n";

static const char *const tokens[] = {
  "[", "]", "{", "}", ",", ":", "\"", "\\", "\\u", "\\uD800", "\\uDC00", "\\u0000", "\\ud83d",
  "0", "-", ".", "e", "1e400", "99999999999999999999", "true", "nul", "/*", "//", "'",
  " ", "\n", "\r", "\t", "\xC3", "\xC3\xA9", "\xED\xA0\x80", "\xEF\xBB\xBF", "\"k1\"",
};

static void
mutate (GRand   *rng,
        GString *doc)
{
  guint n_ops = g_rand_int_range (rng, 1, 4);

  for (guint op = 0; op < n_ops; op++)
    {
      gsize pos = doc->len > 0 ? (gsize) g_rand_int_range (rng, 0, doc->len) : 0;
      char byte = (char) g_rand_int_range (rng, 0, 256);
      gsize n = (gsize) g_rand_int_range (rng, 1, 40);

      switch (g_rand_int_range (rng, 0, 7))
        {
        case 0:
          if (doc->len > 0)
            doc->str[pos] ^= (char) (1 << g_rand_int_range (rng, 0, 8));
          break;

        case 1:
          if (doc->len > 0)
            doc->str[pos] = byte;
          break;

        case 2:
          g_string_insert_len (doc, pos, &byte, 1);
          break;

        case 3:
          g_string_erase (doc, pos, MIN (doc->len - pos, n / 5 + 1));
          break;

        case 4:
        case 5:
          {
            const char *token = tokens[g_rand_int_range (rng, 0, G_N_ELEMENTS (tokens))];

            if (g_rand_boolean (rng) && doc->len > 0)
              g_string_erase (doc, pos, 1);
            g_string_insert_len (doc, pos, token, strlen (token));
          }
          break;

        case 6:
          /* Copy a slice elsewhere: makes duplicates and deeper nesting. */
          if (doc->len > 0)
            {
              gsize from = g_rand_int_range (rng, 0, doc->len);
              g_autofree char *slice = NULL;

              n = MIN (doc->len - from, n);
              slice = g_memdup2 (doc->str + from, n);
              g_string_insert_len (doc, pos, slice, n);
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
test_mutations (void)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (20260514);
  /* Tight enough that some mutants hit each limit. */
  PwJsonLimits shallow = { 0, 3, 0 };
  PwJsonLimits small = { sizeof sample + 8, 0, 28 };
  guint n_accepted = 0, n_rejected = 0;
  guint codes[PW_ERROR_DUPLICATE_KEY + 1] = { 0, };

  g_assert_true (pw_json_check (sample, strlen (sample), NULL, NULL));
  assert_json_glib_parses (sample, strlen (sample));

  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(GString) doc = g_string_new (sample);
      g_autoptr(GError) error = NULL;
      const PwJsonLimits *limits = i % 8 == 3 ? &shallow : i % 8 == 7 ? &small : NULL;
      gboolean ok;

      mutate (rng, doc);

      ok = pw_json_check (doc->str, doc->len, limits, &error);
      g_assert_true (ok == (error == NULL));
      g_assert_true (ok == pw_json_check (doc->str, doc->len, limits, NULL));

      if (ok)
        {
          n_accepted++;
          assert_json_glib_parses (doc->str, doc->len);
        }
      else
        {
          g_autofree char *place = NULL;

          n_rejected++;
          g_assert_true (error->domain == PW_ERROR);
          g_assert_cmpint (error->code, <=, PW_ERROR_DUPLICATE_KEY);
          codes[error->code]++;
          place = get_place (error->message);
          assert_message_clean (error->message);
        }
    }

  g_test_message ("%u mutants accepted, %u rejected", n_accepted, n_rejected);
  for (guint code = 0; code < G_N_ELEMENTS (codes); code++)
    {
      g_test_message ("error code %u: %u", code, codes[code]);
      g_assert_cmpuint (codes[code], >, 0);
    }
  g_assert_cmpuint (n_accepted, >, 500);
  g_assert_cmpuint (n_rejected, >, 1000);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strconcat ("/phasewise/json-check/", cases[i].name, NULL);

      g_test_add_data_func (path, &cases[i], test_case);
    }

  generated = g_ptr_array_new_with_free_func (generated_case_free);
  add_generated_cases ();

  g_test_add_func ("/phasewise/json-check/null-and-defaults", test_null_and_defaults);
  g_test_add_func ("/phasewise/json-check/deep-in-thread", test_deep_in_thread);
  g_test_add_func ("/phasewise/json-check/mutations", test_mutations);

  ret = g_test_run ();

  g_ptr_array_unref (generated);

  return ret;
}
