/* test-hostile.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-hostile"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "phasewise-core.h"
#include "pw-json-check.h"
#include "pw-test-utils.h"

/*
 * Hostile input for the workbook and framework loaders (RELIABILITY.md,
 * cases 10–16).
 *
 * Every case is one row of a table: how to make the bytes, the GError
 * domain and code the loader must return, and a substring of the message
 * that names the place of the problem ("LINE:COLUMN:" for syntax and
 * limits, "$.json.path" for content).  Most inputs are made from the valid
 * example workbook or the bundled framework by a targeted text replacement
 * or an edit of the JSON tree; a few small ones are committed in
 * tests/fixtures/hostile/, named after what is wrong with them.
 *
 * In a replacement text, "@@" marks where the error must be reported; the
 * marker is removed and its line:column computed from the final bytes.
 *
 * Each case also checks that the loader returned NULL (no half-loaded
 * document) and logged no warning or critical.  Assertions are non-fatal
 * and warnings are caught by a fatal-log handler, so one broken case is
 * reported as "not ok" without hiding the others.
 */

#define MAX_DEPTH 64  /* PW_JSON_DEFAULT_MAX_DEPTH */

typedef enum
{
  OP_REPLACE,       /* first occurrence of a → b, in the base text */
  OP_PREPEND,       /* b + base text */
  OP_APPEND,        /* base text + b */
  OP_SET,           /* JSON tree: set path a to the JSON text b */
  OP_REMOVE,        /* JSON tree: remove path a */
  OP_RENAME,        /* JSON tree: rename member a to b */
  OP_DUP,           /* JSON tree: append a copy of array element a to its array */
  OP_FIXTURE,       /* tests/fixtures/hostile/a */
  OP_LITERAL,       /* b */
  OP_GENERATE,      /* generate () */
  OP_SPECIAL_FILE,  /* make_file (): not a plain file of bytes */
} Op;

typedef enum
{
  F_ONE_LINE = 1 << 0,  /* the message must be exactly one line */
  F_EMBED    = 1 << 1,  /* framework case: also embed the edit in a workbook */
} Flags;

typedef struct
{
  const char  *name;
  Op           op;
  const char  *a;
  const char  *b;
  GBytes    *(*generate)  (char **place);
  char      *(*make_file) (const char *dir,
                           char      **place);
  gboolean     io;     /* G_IO_ERROR rather than PW_ERROR */
  int          code;
  const char  *place;  /* NULL: from the "@@" marker or the generator */
  const char  *also;   /* another substring the message must contain */
  guint        flags;
} HostileCase;

#define REPLACE(find, text) .op = OP_REPLACE, .a = (find), .b = (text)
#define PREPEND(text)       .op = OP_PREPEND, .b = (text)
#define APPEND(text)        .op = OP_APPEND, .b = (text)
#define SET(path, json)     .op = OP_SET, .a = (path), .b = (json)
#define REMOVE(path)        .op = OP_REMOVE, .a = (path)
#define RENAME(path, name)  .op = OP_RENAME, .a = (path), .b = (name)
#define DUP(path)           .op = OP_DUP, .a = (path)
#define FIXTURE(file)       .op = OP_FIXTURE, .a = (file)
#define LITERAL(text)       .op = OP_LITERAL, .b = (text)
#define GENERATE(func)      .op = OP_GENERATE, .generate = (func)
#define SPECIAL(func)       .op = OP_SPECIAL_FILE, .make_file = (func)
#define PW(c)               .io = FALSE, .code = PW_ERROR_##c
#define IO(c)               .io = TRUE, .code = G_IO_ERROR_##c

static GBytes *example_bytes;
static GBytes *framework_bytes;

/* ---- Utilities ------------------------------------------------------------ */

static GBytes *
get_example (void)
{
  if (example_bytes == NULL)
    example_bytes = pw_test_read_source ("data", "examples", "larkspur.phasewise", NULL);

  return example_bytes;
}

static GBytes *
get_framework (void)
{
  if (framework_bytes == NULL)
    framework_bytes = pw_test_read_source ("data", "frameworks", "lostinsm.json", NULL);

  return framework_bytes;
}

static GString *
string_from_bytes (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_string_new_len (data, (gssize) length);
}

/* "LINE:COLUMN:" of @offset, both 1-based, columns in characters; lines end
 * at LF, CR LF or a lone CR.  This is the convention of the loader's syntax
 * messages, written down independently.
 */
static char *
place_at (const char *data,
          gsize       length,
          gsize       offset)
{
  guint line = 1, column = 1;

  for (gsize i = 0; i < offset && i < length; i++)
    {
      guchar b = (guchar) data[i];

      if (b == '\n' || (b == '\r' && !(i + 1 < length && data[i + 1] == '\n')))
        {
          line++;
          column = 1;
        }
      else if (b != '\r' && (b & 0xC0) != 0x80)
        {
          column++;
        }
    }

  return g_strdup_printf ("%u:%u:", line, column);
}

/* Removes the "@@" marker from @text and sets @place to where it was. */
static GBytes *
finish_text (GString  *text,
             char    **place)
{
  const char *marker = g_strstr_len (text->str, (gssize) text->len, "@@");

  if (marker != NULL)
    {
      gsize offset = (gsize) (marker - text->str);

      g_string_erase (text, (gssize) offset, 2);
      g_assert_null (g_strstr_len (text->str, (gssize) text->len, "@@"));
      g_free (*place);
      *place = place_at (text->str, text->len, offset);
    }

  return g_string_free_to_bytes (text);
}

static void
replace_first (GString    *text,
               const char *find,
               const char *replacement)
{
  const char *found = strstr (text->str, find);

  g_assert_nonnull (found);
  if (found == NULL)
    return;

  g_string_erase (text, found - text->str, (gssize) strlen (find));
  g_string_insert (text, found - text->str, replacement);
}

/* ---- JSON tree edits -------------------------------------------------------
 *
 * Paths look like "assessments[0].answers.strategy-1.value".
 */

static JsonNode *
parse_trusted (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  json_parser_load_from_data (parser, data, (gssize) length, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static GBytes *
serialize (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *data;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  return g_bytes_new_take (data, length);
}

/* Finds the container of the last step of @path: an object (then @member is
 * set) or an array (then @index is set).
 */
static JsonNode *
resolve (JsonNode    *root,
         const char  *path,
         char       **member,
         guint       *index)
{
  JsonNode *node = root;
  JsonNode *container = NULL;
  const char *p = path;

  while (*p != '\0')
    {
      g_assert_nonnull (node);
      container = node;
      g_clear_pointer (member, g_free);

      if (*p == '[')
        {
          char *end = NULL;
          JsonArray *array;

          g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
          *index = (guint) g_ascii_strtoull (p + 1, &end, 10);
          g_assert_cmpint (*end, ==, ']');
          p = end + 1;
          array = json_node_get_array (node);
          node = *index < json_array_get_length (array)
                   ? json_array_get_element (array, *index) : NULL;
        }
      else
        {
          gsize n;

          if (*p == '.')
            p++;
          n = strcspn (p, ".[");
          g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
          *member = g_strndup (p, n);
          p += n;
          node = json_object_get_member (json_node_get_object (node), *member);
        }
    }

  g_assert_nonnull (container);

  return container;
}

static void
edit_tree (JsonNode   *root,
           Op          op,
           const char *path,
           JsonNode   *value)  /* (transfer full) (nullable) */
{
  g_autofree char *member = NULL;
  guint index = 0;
  JsonNode *container = resolve (root, path, &member, &index);

  if (member != NULL)
    {
      JsonObject *object = json_node_get_object (container);

      switch (op)
        {
        case OP_SET:
          json_object_set_member (object, member, value);
          value = NULL;
          break;

        case OP_REMOVE:
          g_assert_true (json_object_has_member (object, member));
          json_object_remove_member (object, member);
          break;

        case OP_RENAME:
          {
            JsonNode *copy = json_node_copy (json_object_get_member (object, member));
            const char *name = json_node_get_string (value);

            json_object_remove_member (object, member);
            json_object_set_member (object, name, copy);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
  else
    {
      JsonArray *array = json_node_get_array (container);
      guint length = json_array_get_length (array);

      g_assert_cmpuint (index, <, length);

      switch (op)
        {
        case OP_SET:
          {
            JsonArray *copy = json_array_sized_new (length);

            for (guint i = 0; i < length; i++)
              {
                if (i == index)
                  json_array_add_element (copy, g_steal_pointer (&value));
                else
                  json_array_add_element (copy, json_node_copy (json_array_get_element (array, i)));
              }
            json_node_take_array (container, copy);
          }
          break;

        case OP_REMOVE:
          json_array_remove_element (array, index);
          break;

        case OP_DUP:
          json_array_add_element (array, json_node_copy (json_array_get_element (array, index)));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_clear_pointer (&value, json_node_unref);
}

static GBytes *
edit_document (GBytes     *base,
               Op          op,
               const char *path,
               JsonNode   *value)  /* (transfer full) (nullable) */
{
  g_autoptr(JsonNode) root = parse_trusted (base);

  edit_tree (root, op, path, value);

  return serialize (root);
}

static JsonNode *
json_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);

  return node;
}

static JsonNode *
string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);

  return node;
}

/* ---- Making the bytes of a case ------------------------------------------- */

static GBytes *
make_bytes (const HostileCase  *hc,
            GBytes             *base,
            const char         *path_prefix,
            char              **place)
{
  g_autofree char *path = hc->a ? g_strconcat (path_prefix, hc->a, NULL) : NULL;
  GString *text;

  switch (hc->op)
    {
    case OP_REPLACE:
      text = string_from_bytes (base);
      replace_first (text, hc->a, hc->b);
      return finish_text (text, place);

    case OP_PREPEND:
      text = string_from_bytes (base);
      g_string_prepend (text, hc->b);
      return finish_text (text, place);

    case OP_APPEND:
      text = string_from_bytes (base);
      g_string_append (text, hc->b);
      return finish_text (text, place);

    case OP_SET:
      return edit_document (base, OP_SET, path, json_text (hc->b));

    case OP_RENAME:
      return edit_document (base, OP_RENAME, path, string_node (hc->b));

    case OP_REMOVE:
    case OP_DUP:
      return edit_document (base, hc->op, path, NULL);

    case OP_FIXTURE:
      return pw_test_read_source ("tests", "fixtures", "hostile", hc->a, NULL);

    case OP_LITERAL:
      return finish_text (g_string_new (hc->b), place);

    case OP_GENERATE:
      return hc->generate (place);

    case OP_SPECIAL_FILE:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

static gboolean
is_tree_edit (Op op)
{
  return op == OP_SET || op == OP_REMOVE || op == OP_RENAME || op == OP_DUP;
}

/* ---- Generators ----------------------------------------------------------- */

/* A note of an answer in the example, $.assessments[0].answers.listening-3.note */
#define NOTE_CARE "\"note\" : \"Care reads mentions daily, but nobody else sees what they find.\""

/* @n levels of @open … @close around @inner, with "@@" before the bracket
 * that makes the document MAX_DEPTH + 1 deep when the first one is at
 * depth @depth (1 for the root).
 */
static GString *
nesting (const char *open,
         const char *close,
         const char *inner,
         guint       n,
         guint       depth)
{
  GString *s = g_string_new (NULL);
  guint marker = MAX_DEPTH + 1 - depth;

  for (guint i = 0; i < n; i++)
    {
      if (i == marker)
        g_string_append (s, "@@");
      g_string_append (s, open);
    }
  g_string_append (s, inner);
  for (guint i = 0; i < n; i++)
    g_string_append (s, close);

  return s;
}

static GBytes *
nest_in_example_round (const char *open,
                       const char *close,
                       guint       n,
                       char      **place)
{
  GString *text = string_from_bytes (get_example ());
  g_autoptr(GString) value = NULL;

  /* $.assessments[0].round: the value is at depth 4 (root, array, object). */
  value = nesting (open, close, "1", n, 4);
  g_string_prepend (value, "\"round\" : ");
  replace_first (text, "\"round\" : \"Baseline 2025\"", value->str);

  return finish_text (text, place);
}

static GBytes *
generate_nesting_100000_file (char **place)
{
  return finish_text (nesting ("[", "]", "", 100000, 1), place);
}

static GBytes *
generate_nesting_65 (char **place)
{
  return finish_text (nesting ("[", "]", "", 65, 1), place);
}

static GBytes *
generate_nesting_64 (char **place)
{
  return finish_text (nesting ("[", "]", "", 64, 1), place);
}

static GBytes *
generate_nesting_1025_in_member (char **place)
{
  return nest_in_example_round ("[", "]", 1025, place);
}

static GBytes *
generate_nesting_100000_objects_in_member (char **place)
{
  return nest_in_example_round ("{\"a\":", "}", 100000, place);
}

static GBytes *
generate_framework_nesting_100000 (char **place)
{
  GString *text = nesting ("[", "]", "", 100000, 2);

  g_string_prepend (text, "{\"format\": \"phasewise-framework\", \"format_version\": 1, "
                          "\"dimensions\": ");
  g_string_append (text, "}");

  return finish_text (text, place);
}

static GBytes *
generate_random_binary (char **place)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8259);
  guint8 *data = g_malloc (4096);

  for (guint i = 0; i < 4096; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);

  return g_bytes_new_take (data, 4096);
}

/* The example cut at the line boundary nearest to its middle. */
static GBytes *
generate_truncated_half (char **place)
{
  GString *text = string_from_bytes (get_example ());
  gsize cut = text->len / 2;

  while (cut > 0 && text->str[cut - 1] != '\n')
    cut--;
  g_string_truncate (text, cut);
  g_string_append (text, "@@");

  return finish_text (text, place);
}

static GBytes *
generate_note_200000 (char **place)
{
  g_autofree char *note = g_strnfill (200000, 'x');

  return edit_document (get_example (), OP_SET, "assessments[0].answers.strategy-1.note",
                        string_node (note));
}

static GBytes *
generate_team_name_10000 (char **place)
{
  g_autofree char *name = g_strnfill (10000, 'N');

  return edit_document (get_example (), OP_SET, "org_map.teams[1].name", string_node (name));
}

static GBytes *
generate_string_over_1mib (char **place)
{
  GString *text = string_from_bytes (get_example ());
  g_autofree char *note = g_strnfill (2 * 1024 * 1024, 'x');
  g_autofree char *replacement = g_strdup_printf ("\"note\" : @@\"%s\"", note);

  replace_first (text, NOTE_CARE, replacement);

  return finish_text (text, place);
}

static GBytes *
generate_raw_nul_in_note (char **place)
{
  GString *text = string_from_bytes (get_example ());
  const char *found = strstr (text->str, "Care reads mentions daily");
  gsize offset;

  g_assert_nonnull (found);
  offset = (gsize) (found - text->str) + strlen ("Care");
  text->str[offset] = '\0';
  *place = place_at (text->str, text->len, offset);

  return g_string_free_to_bytes (text);
}

static GBytes *
generate_number_1001_chars (char **place)
{
  GString *text = string_from_bytes (get_example ());
  g_autofree char *zeros = g_strnfill (1000, '0');
  g_autofree char *replacement = g_strdup_printf ("\"participants\" : @@1%s", zeros);

  replace_first (text, "\"participants\" : 14", replacement);

  return finish_text (text, place);
}

static GBytes *
generate_150_unknown_answers (char **place)
{
  g_autoptr(JsonNode) root = parse_trusted (get_example ());
  g_autofree char *member = NULL;
  guint index = 0;
  JsonNode *answers_parent = resolve (root, "assessments[0].answers", &member, &index);
  JsonObject *answers;

  answers = json_object_get_object_member (json_node_get_object (answers_parent), member);
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *id = g_strdup_printf ("bogus-%03u", i);

      json_object_set_object_member (answers, id, json_object_new ());
    }

  return serialize (root);
}

static GBytes *
generate_1001_custom_items (char **place)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < 1001; i++)
    json_array_add_object_element (array, json_object_new ());
  json_node_take_array (node, array);

  return edit_document (get_example (), OP_SET, "policy.custom_items", node);
}

static GBytes *
generate_101_channels (char **place)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < 101; i++)
    {
      g_autofree char *name = g_strdup_printf ("Channel %u", i);

      json_array_add_string_element (array, name);
    }
  json_node_take_array (node, array);

  return edit_document (get_example (), OP_SET, "org_map.teams[0].channels", node);
}

/* The example with an unknown member of 2 million empty objects more than
 * the pre-check lets through (issue 8): json-glib would take some 2 GB for
 * it.  The check stops at the first value past the limit, which is where
 * the error is: that the place is there shows it read no further.  Values
 * before the member: the root object and the array. */
static GBytes *
generate_values_over_limit (char **place)
{
  GString *text = string_from_bytes (get_example ());
  gsize n = PW_JSON_DEFAULT_MAX_VALUES + 2000000;
  GString *bulk = g_string_sized_new (n * 3 + 32);

  g_assert_cmpint (text->str[0], ==, '{');
  g_string_append (bulk, "{\"x_bulk\":[");
  for (gsize i = 0; i < n; i++)
    {
      if (i + 2 == PW_JSON_DEFAULT_MAX_VALUES)
        g_string_append (bulk, "@@");
      g_string_append (bulk, i + 1 < n ? "{}," : "{}],");
    }
  g_string_erase (text, 0, 1);
  g_string_prepend (text, bulk->str);
  g_string_free (bulk, TRUE);

  return finish_text (text, place);
}

/* ---- Special files -------------------------------------------------------- */

/* Sparse: costs no disk space, and the loader must refuse it by its size
 * alone, without reading it. */
static char *
make_file_over_64mib (const char  *dir,
                      char       **place)
{
  char *path = g_build_filename (dir, "over-64mib.phasewise", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) PW_WORKBOOK_MAX_BYTES + 1), ==, 0);
  g_assert_cmpint (write (fd, "{", 1), ==, 1);
  close (fd);

  return path;
}

static char *
make_directory (const char  *dir,
                char       **place)
{
  char *path = g_build_filename (dir, "folder.phasewise", NULL);

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  *place = g_strdup (path);

  return path;
}

static char *
make_missing_file (const char  *dir,
                   char       **place)
{
  char *path = g_build_filename (dir, "does-not-exist.phasewise", NULL);

  *place = g_strdup (path);

  return path;
}

static char *
make_symlink_loop (const char  *dir,
                   char       **place)
{
  char *path = g_build_filename (dir, "loop.phasewise", NULL);

  g_assert_cmpint (symlink ("loop.phasewise", path), ==, 0);
  *place = g_strdup (path);

  return path;
}

/* ---- The workbook cases ---------------------------------------------------
 *
 * A row is { name, how to make it, expected error, place, also, flags }:
 * the values after the designated initializers of the macros fill place,
 * also and flags in that order.
 */

static const HostileCase workbook_cases[] = {
  /* Nesting (case 10) */
  { "nesting-100000-arrays-file", GENERATE (generate_nesting_100000_file), PW (TOO_DEEP),
    "1:65:", "Nesting deeper than 64" },
  { "nesting-100000-objects-in-member", GENERATE (generate_nesting_100000_objects_in_member),
    PW (TOO_DEEP), NULL, "Nesting deeper than 64" },
  { "nesting-1025-in-member", GENERATE (generate_nesting_1025_in_member), PW (TOO_DEEP),
    NULL, "Nesting deeper than 64" },
  { "nesting-65", GENERATE (generate_nesting_65), PW (TOO_DEEP), "1:65:",
    "Nesting deeper than 64" },
  { "nesting-64-is-not-too-deep", GENERATE (generate_nesting_64), PW (INVALID), "$:",
    "Expected an object, found an array" },

  /* Numbers (case 11) */
  { "int-2pow63-participants",
    REPLACE ("\"participants\" : 14", "\"participants\" : @@9223372036854775808"),
    PW (NUMBER), NULL, "9223372036854775808 is too large" },
  { "int-huge-headcount",
    REPLACE ("\"headcount\" : 4,", "\"headcount\" : @@99999999999999999999999,"),
    PW (NUMBER), NULL, "99999999999999999999999 is too large" },
  { "float-1e400-participants", REPLACE ("\"participants\" : 17", "\"participants\" : @@1e400"),
    PW (NUMBER), NULL, "1e400 is too large" },
  { "float-minus-1e400-x", REPLACE ("\"x\" : 150", "\"x\" : @@-1e400"),
    PW (NUMBER), NULL, "-1e400 is too small" },
  { "int-below-int64-min-y",
    REPLACE ("\"y\" : 120", "\"y\" : @@-9223372036854775809"), PW (NUMBER), NULL,
    "-9223372036854775809 is too small" },
  { "number-1001-characters", GENERATE (generate_number_1001_chars), PW (NUMBER), NULL,
    "longer than 1000 characters" },
  { "values-over-limit", GENERATE (generate_values_over_limit), PW (TOO_LARGE), NULL,
    "More than 4000000 values in the file" },
  { "int64-max-participants-out-of-range",
    REPLACE ("\"participants\" : 14", "\"participants\" : 9223372036854775807"),
    PW (INVALID), "$.assessments[3].participants", "out of range" },
  { "underflow-1e-400-participants", REPLACE ("\"participants\" : 14", "\"participants\" : 1e-400"),
    PW (INVALID), "$.assessments[3].participants", "Expected a whole number" },

  /* json-glib's lenient syntax (case 12) */
  { "comment-block-fixture", FIXTURE ("comment-block.phasewise"), PW (SYNTAX), "1:3:",
    "Comments are not allowed" },
  { "comment-line-fixture", FIXTURE ("comment-line.phasewise"), PW (SYNTAX), "1:1:",
    "Comments are not allowed" },
  { "comment-block", REPLACE ("\"format_version\" : 1,", "\"format_version\" : 1, @@/*c*/"),
    PW (SYNTAX), NULL, "Comments are not allowed" },
  { "comment-line",
    REPLACE ("\"format_version\" : 1,", "\"format_version\" : 1, @@// by hand\n"),
    PW (SYNTAX), NULL, "Comments are not allowed" },
  { "hex-number-fixture", FIXTURE ("hex-number.phasewise"), PW (SYNTAX), "1:53:", "0x1F" },
  { "hex-number", REPLACE ("\"participants\" : 14", "\"participants\" : @@0x1F"),
    PW (SYNTAX), NULL, "Hexadecimal" },
  { "octal-number-fixture", FIXTURE ("octal-number.phasewise"), PW (SYNTAX), "1:53:",
    "leading zeros" },
  { "octal-number", REPLACE ("\"participants\" : 14", "\"participants\" : @@010"),
    PW (SYNTAX), NULL, "leading zeros" },
  { "single-quotes-fixture", FIXTURE ("single-quotes.phasewise"), PW (SYNTAX), "1:3:",
    "double quotes" },
  { "single-quotes",
    REPLACE ("\"round\" : \"Baseline 2025\"", "\"round\" : @@'Baseline 2025'"),
    PW (SYNTAX), NULL, "double quotes" },
  { "var-wrapper-fixture", FIXTURE ("var-wrapper.phasewise"), PW (SYNTAX), "1:1:", "var" },
  { "var-wrapper", PREPEND ("@@var x = "), PW (SYNTAX), NULL, "“var”" },
  { "two-root-values-fixture", FIXTURE ("two-root-values.phasewise"), PW (SYNTAX), "1:3:",
    "exactly one value" },
  { "example-then-another-value", APPEND ("@@{}\n"), PW (SYNTAX), NULL, "exactly one value" },
  { "trailing-garbage", APPEND ("@@garbage\n"), PW (SYNTAX), NULL, "“garbage”" },
  { "empty-file", FIXTURE ("empty.phasewise"), PW (SYNTAX), "1:1:", "empty" },
  { "whitespace-only-file", FIXTURE ("whitespace-only.phasewise"), PW (SYNTAX), "1:1:",
    "white space" },
  { "nan", REPLACE ("\"participants\" : 14", "\"participants\" : @@NaN"), PW (SYNTAX), NULL,
    "NaN" },
  { "minus-infinity", REPLACE ("\"participants\" : 14", "\"participants\" : @@-Infinity"),
    PW (SYNTAX), NULL, "Invalid number" },
  { "plus-sign", REPLACE ("\"participants\" : 14", "\"participants\" : @@+14"), PW (SYNTAX),
    NULL, "“+”" },
  { "trailing-comma",
    REPLACE ("\"channels\" : [", "\"retired\" : [ \"Fax\"@@, ], \"channels\" : ["),
    PW (SYNTAX), NULL, "Trailing commas" },
  { "unquoted-member-name",
    REPLACE ("\"format_version\" : 1,", "\"format_version\" : 1, @@format : 1,"),
    PW (SYNTAX), NULL, "double quotes" },
  { "byte-order-mark", FIXTURE ("byte-order-mark.phasewise"), PW (SYNTAX), "1:1:",
    "byte-order mark" },
  { "raw-control-character-between-tokens",
    REPLACE ("\"format_version\" : 1,", "\"format_version\" : 1,@@\x01"), PW (SYNTAX), NULL,
    "\\x01", F_ONE_LINE },
  { "raw-newline-in-string",
    REPLACE ("\"round\" : \"Baseline 2025\"", "\"round\" : \"Baseline@@\n2025\""),
    PW (SYNTAX), NULL, "U+000A", F_ONE_LINE },
  { "invalid-escape",
    REPLACE ("\"round\" : \"Baseline 2025\"", "\"round\" : \"Baseline@@\\x41 2025\""),
    PW (SYNTAX), NULL, "Invalid escape" },

  /* Strings (case 13) */
  { "invalid-utf8-byte-ff",
    REPLACE ("\"name\" : \"Customer Care\"", "\"name\" : \"Customer @@\xFF" "Care\""),
    PW (STRING), NULL, "0xFF" },
  { "invalid-utf8-latin1-fixture", FIXTURE ("invalid-utf8-latin1.phasewise"), PW (STRING),
    "4:33:", "0xE9" },
  { "invalid-utf8-overlong-slash",
    REPLACE ("\"name\" : \"Customer Care\"", "\"name\" : \"Customer @@\xC0\xAF" "Care\""),
    PW (STRING), NULL, "0xC0" },
  { "invalid-utf8-cesu-surrogate",
    REPLACE ("\"name\" : \"Customer Care\"", "\"name\" : \"Customer @@\xED\xA0\x80" "Care\""),
    PW (STRING), NULL, "0xED" },
  { "lone-high-surrogate-in-note", REPLACE (NOTE_CARE, "\"note\" : \"x@@\\uD800y\""),
    PW (STRING), NULL, "Unpaired surrogate" },
  { "lone-low-surrogate-in-note", REPLACE (NOTE_CARE, "\"note\" : \"x@@\\uDC00y\""),
    PW (STRING), NULL, "Unpaired surrogate" },
  { "reversed-surrogate-pair-in-note", REPLACE (NOTE_CARE, "\"note\" : \"@@\\uDE00\\uD83D\""),
    PW (STRING), NULL, "Unpaired surrogate" },
  { "escaped-nul-in-note", REPLACE (NOTE_CARE, "\"note\" : \"a@@\\u0000b\""), PW (STRING), NULL,
    "NUL" },
  { "raw-nul-in-note", GENERATE (generate_raw_nul_in_note), PW (STRING), NULL, "NUL" },
  { "string-over-1mib", GENERATE (generate_string_over_1mib), PW (TOO_LARGE), NULL,
    "String longer than the limit" },
  { "note-200000-characters", GENERATE (generate_note_200000), PW (INVALID),
    "$.assessments[0].answers.strategy-1.note", "longer than 100000 characters" },
  { "team-name-10000-characters", GENERATE (generate_team_name_10000), PW (INVALID),
    "$.org_map.teams[1].name", "longer than 500 characters" },

  /* Duplicate keys (case 14) */
  { "duplicate-key-top-level-fixture", FIXTURE ("duplicate-key-top-level.phasewise"),
    PW (DUPLICATE_KEY), "4:3:", "“format”" },
  { "duplicate-key-top-level",
    REPLACE ("\"format_version\" : 1,", "\"format_version\" : 1, @@\"format_version\" : 1,"),
    PW (DUPLICATE_KEY), NULL, "“format_version”" },
  { "duplicate-key-after-unescaping",
    REPLACE ("\"format_version\" : 1,",
             "\"format_version\" : 1, @@\"\\u0066ormat\" : \"phasewise-workbook\","),
    PW (DUPLICATE_KEY), NULL, "“format”" },
  { "duplicate-key-nested-in-answer",
    REPLACE ("\"evidence\" : \"Marketing plan 2025, section 4.2\"",
             "\"evidence\" : \"Marketing plan 2025, section 4.2\", @@\"note\" : \"again\""),
    PW (DUPLICATE_KEY), NULL, "“note”" },

  /* Line and column (case 15) */
  { "syntax-error-line3-col10", FIXTURE ("syntax-error-line3-col10.phasewise"), PW (SYNTAX),
    "3:10:", "“tru”" },
  { "columns-count-characters", LITERAL ("{\"a\": \"\xC3\xA9\xC3\xA9\xC3\xA9\" x}"), PW (SYNTAX),
    "1:13:", NULL },
  { "crlf-line-ends", LITERAL ("{\r\n\"a\": 1,\r\n\"b\" 2}"), PW (SYNTAX), "3:5:", NULL },
  { "lone-cr-line-ends", LITERAL ("{\r\"a\": 1,\r\"b\" 2}"), PW (SYNTAX), "3:5:", NULL },

  /* Not JSON at all */
  { "random-binary", GENERATE (generate_random_binary), PW (STRING), "1:1:", NULL },
  { "png-header", FIXTURE ("png-header.phasewise"), PW (STRING), "1:1:", "0x89" },
  { "truncated-half", GENERATE (generate_truncated_half), PW (SYNTAX), NULL,
    "Unexpected end of file" },

  /* The root */
  { "root-array", FIXTURE ("root-array.phasewise"), PW (INVALID), "$:", "found an array" },
  { "root-string", FIXTURE ("root-string.phasewise"), PW (INVALID), "$:", "found a string" },
  { "root-number", FIXTURE ("root-number.phasewise"), PW (INVALID), "$:", "found a number" },
  { "root-null", LITERAL ("null"), PW (INVALID), "$:", "found null" },
  { "missing-format", REMOVE ("format"), PW (INVALID), "$.format", "Required member is missing" },
  { "wrong-format-name", SET ("format", "\"phasewise-framework\""), PW (INVALID), "$.format",
    "Not a Phasewise workbook" },
  { "format-name-with-newline", SET ("format", "\"phasewise\\n$.format_version: fine\""),
    PW (INVALID), "$.format", "Not a Phasewise workbook", F_ONE_LINE },
  { "missing-format-version", REMOVE ("format_version"), PW (INVALID), "$.format_version",
    "Required member is missing" },
  { "format-version-0", SET ("format_version", "0"), PW (INVALID), "$.format_version",
    "out of range" },
  { "format-version-string", SET ("format_version", "\"1\""), PW (INVALID), "$.format_version",
    "Expected a whole number, found a string" },
  { "format-version-2-newer", SET ("format_version", "2"), PW (NEWER_VERSION),
    "$.format_version", "newer version" },
  { "format-version-2-with-unknown-structure",
    LITERAL ("{\"format\": \"phasewise-workbook\", \"format_version\": 2, \"org_map\": \"v2\"}"),
    PW (NEWER_VERSION), "$.format_version", "newer version" },
  { "missing-framework", REMOVE ("framework"), PW (INVALID), "$.framework",
    "Required member is missing" },
  { "framework-is-array", SET ("framework", "[]"), PW (INVALID), "$.framework",
    "Expected an object, found an array" },
  { "framework-format-is-array", SET ("framework.format", "[\"phasewise-framework\"]"),
    PW (INVALID), "$.framework.format", "Expected a string, found an array" },

  /* Type confusion (case 16) */
  { "string-for-number-participants", SET ("assessments[0].participants", "\"14\""),
    PW (INVALID), "$.assessments[0].participants", "Expected a whole number, found a string" },
  { "number-for-string-team-name", SET ("org_map.teams[1].name", "42"), PW (INVALID),
    "$.org_map.teams[1].name", "Expected a string, found a number" },
  { "array-for-object-org-map", SET ("org_map", "[]"), PW (INVALID), "$.org_map",
    "Expected an object, found an array" },
  { "object-for-array-assessments", SET ("assessments", "{}"), PW (INVALID), "$.assessments",
    "Expected an array, found an object" },
  { "null-for-required-assessment-id", SET ("assessments[0].id", "null"), PW (INVALID),
    "$.assessments[0].id", "Required member is missing" },
  { "bool-for-string-facilitator", SET ("assessments[0].facilitator", "true"), PW (INVALID),
    "$.assessments[0].facilitator", "Expected a string, found true or false" },
  { "string-for-object-answer", SET ("assessments[0].answers.strategy-2", "\"3\""),
    PW (INVALID), "$.assessments[0].answers.strategy-2", "Expected an object, found a string" },
  { "number-for-object-team", SET ("org_map.teams[3]", "7"), PW (INVALID),
    "$.org_map.teams[3]", "Expected an object, found a number" },

  /* Missing required members */
  { "missing-assessment-id", REMOVE ("assessments[1].id"), PW (INVALID), "$.assessments[1].id",
    "Required member is missing" },
  { "missing-assessment-date", REMOVE ("assessments[0].date"), PW (INVALID),
    "$.assessments[0].date", "Required member is missing" },
  { "missing-team-name", REMOVE ("org_map.teams[2].name"), PW (INVALID),
    "$.org_map.teams[2].name", "Required member is missing" },
  { "missing-link-to", REMOVE ("org_map.links[3].to"), PW (INVALID), "$.org_map.links[3].to",
    "Required member is missing" },
  { "missing-team-kind", REMOVE ("org_map.teams[0].kind"), PW (INVALID),
    "$.org_map.teams[0].kind", "Required member is missing" },
  { "missing-assessment-scope", REMOVE ("assessments[1].scope"), PW (INVALID),
    "$.assessments[1].scope", "Required member is missing" },
  { "null-team-kind", SET ("org_map.teams[0].kind", "null"), PW (INVALID),
    "$.org_map.teams[0].kind", "Required member is missing" },
  { "null-assessment-scope", SET ("assessments[1].scope", "null"), PW (INVALID),
    "$.assessments[1].scope", "Required member is missing" },
  { "null-assessment-scope-with-team",
    REPLACE ("\"scope\" : \"organization\",", "\"scope\" : null, \"team\" : \"care\","),
    PW (INVALID), "$.assessments[3].scope", "Required member is missing" },

  /* One-line texts (issue 8): no control character, something visible */
  { "team-name-escape", SET ("org_map.teams[1].name", "\"\\u001b[2J\""), PW (INVALID),
    "$.org_map.teams[1].name", "may not hold the control character U+001B", F_ONE_LINE },
  { "organization-name-newline",
    SET ("organization.name", "\"Larkspur\\nOverall: phase 5\""), PW (INVALID),
    "$.organization.name", "may not hold the control character U+000A", F_ONE_LINE },
  { "round-c1-csi", SET ("assessments[0].round", "\"B\\u009b2J\""), PW (INVALID),
    "$.assessments[0].round", "may not hold the control character U+009B" },
  { "facilitator-delete", SET ("assessments[0].facilitator", "\"x\\u007f\""), PW (INVALID),
    "$.assessments[0].facilitator", "may not hold the control character U+007F" },
  { "report-title-line-separator", SET ("reports[0].title", "\"a\\u2028b\""), PW (INVALID),
    "$.reports[0].title", "may not hold the control character U+2028" },
  { "channel-bell", SET ("org_map.teams[0].channels", "[\"ok\", \"a\\u0007\"]"), PW (INVALID),
    "$.org_map.teams[0].channels[1]", "may not hold the control character U+0007" },
  { "team-name-white-space", SET ("org_map.teams[2].name", "\"  \\u3000 \""), PW (INVALID),
    "$.org_map.teams[2].name", "Must hold more than white space" },
  { "team-name-invisible", SET ("org_map.teams[2].name", "\"\\u200b\\u2066\\u00a0\""),
    PW (INVALID), "$.org_map.teams[2].name", "Must hold more than white space" },
  { "custom-item-title-blank", SET ("policy.custom_items[0].title", "\" \""), PW (INVALID),
    "$.policy.custom_items[0].title", "Must hold more than white space" },

  /* Duplicate ids */
  { "duplicate-team-id", DUP ("org_map.teams[1]"), PW (INVALID), "$.org_map.teams[7].id",
    "Duplicate team id “care”" },
  { "duplicate-assessment-id", DUP ("assessments[0]"), PW (INVALID), "$.assessments[5].id",
    "Duplicate assessment id" },
  { "duplicate-report-id", DUP ("reports[0]"), PW (INVALID), "$.reports[1].id",
    "Duplicate report id" },
  { "duplicate-custom-policy-item-id", DUP ("policy.custom_items[0]"), PW (INVALID),
    "$.policy.custom_items[2].id", "Duplicate policy item id" },
  { "duplicate-custom-category-id", DUP ("policy.custom_categories[0]"), PW (INVALID),
    "$.policy.custom_categories[1].id", "Duplicate policy category id" },
  { "custom-category-shadows-framework-category",
    SET ("policy.custom_categories[0].id", "\"crisis\""), PW (INVALID),
    "$.policy.custom_categories[0].id", "Duplicate policy category id" },
  { "custom-item-in-unknown-category", SET ("policy.custom_items[1].category", "\"nowhere\""),
    PW (INVALID), "$.policy.custom_items[1].category", "Unknown policy category" },

  /* The policy checklist's history, and the reason a core item does not apply */
  { "core-item-not-applicable-without-reason",
    SET ("policy.items.accounts-security.status", "\"not-applicable\""), PW (INVALID),
    "$.policy.items.accounts-security.reason", "A core item marked not applicable needs a reason" },
  { "core-item-not-applicable-with-blank-reason",
    REPLACE ("\"status\" : \"drafting\",\n        \"owner\" : \"IT Security\"",
             "\"status\" : \"not-applicable\", \"reason\" : \" \\u200b \",\n"
             "        \"owner\" : \"IT Security\""), PW (INVALID),
    "$.policy.items.accounts-security.reason", "A core item marked not applicable needs a reason" },
  { "history-out-of-order", SET ("policy.items.training-required.history[1].date", "\"2025-01-01\""),
    PW (INVALID), "$.policy.items.training-required.history[1].date",
    "The history is not in the order of its dates" },
  { "history-previous-does-not-follow",
    SET ("policy.items.training-required.history[1].previous", "\"missing\""), PW (INVALID),
    "$.policy.items.training-required.history[1].previous", "The status before this change" },
  { "history-does-not-end-with-status",
    SET ("policy.items.training-required.status", "\"drafting\""), PW (INVALID),
    "$.policy.items.training-required.status", "the last change in its history set" },
  { "history-change-date-2026-02-30",
    SET ("policy.items.crisis-plan.history[0].date", "\"2026-02-30\""), PW (INVALID),
    "$.policy.items.crisis-plan.history[0].date", "Not a valid date" },
  { "history-change-unknown-status",
    SET ("policy.items.crisis-plan.history[0].status", "\"done\""), PW (INVALID),
    "$.policy.items.crisis-plan.history[0].status", "Unknown value" },
  { "history-change-without-previous", REMOVE ("policy.items.crisis-plan.history[0].previous"),
    PW (INVALID), "$.policy.items.crisis-plan.history[0].previous", "Required member is missing" },
  { "history-not-an-array", SET ("policy.items.crisis-plan.history", "{}"), PW (INVALID),
    "$.policy.items.crisis-plan.history", "Expected an array" },
  { "history-since-yesterday", SET ("policy.history_since", "\"yesterday\""), PW (INVALID),
    "$.policy.history_since", "Not a valid date" },
  { "custom-item-shadows-framework-item", SET ("policy.custom_items[0].id", "\"scope-purpose\""),
    PW (INVALID), "$.policy.custom_items[0].id", "Duplicate policy item id" },

  /* Unknown ids */
  { "unknown-question-in-answers", RENAME ("assessments[0].answers.strategy-1", "strategy-99"),
    PW (INVALID), "$.assessments[0].answers.strategy-99", "Unknown question id" },
  { "unknown-question-with-newline-and-quote",
    RENAME ("assessments[1].answers.strategy-1", "x\n\"y"), PW (INVALID),
    "$.assessments[1].answers[\"x\\u000a\\\"y\"]", "Unknown question id", F_ONE_LINE },
  { "unknown-question-with-right-to-left-override",
    RENAME ("assessments[1].answers.strategy-1", "x\u202Ey\u2028z\xC2\x85"), PW (INVALID),
    "$.assessments[1].answers[\"x\\u202ey\\u2028z\\u0085\"]", "Unknown question id",
    F_ONE_LINE },
  { "unknown-team-in-link-to", SET ("org_map.links[0].to", "\"nobody\""), PW (INVALID),
    "$.org_map.links[0].to", "Unknown team id “nobody”" },
  { "unknown-team-in-link-from", SET ("org_map.links[1].from", "\"nobody\""), PW (INVALID),
    "$.org_map.links[1].from", "Unknown team id “nobody”" },
  { "unknown-team-in-assessment-scope",
    REPLACE ("\"scope\" : \"organization\",", "\"scope\" : \"team\", \"team\" : \"nobody\","),
    PW (INVALID), "$.assessments[3].team", "Unknown team id “nobody”" },
  { "team-scope-without-team", SET ("assessments[4].scope", "\"team\""), PW (INVALID),
    "$.assessments[4].team", "Required member is missing" },
  { "unknown-scope", SET ("assessments[1].scope", "\"department\""), PW (INVALID),
    "$.assessments[1].scope", "Unknown value" },
  { "unknown-policy-item", RENAME ("policy.items.scope-coverage", "scope-nothing"),
    PW (INVALID), "$.policy.items.scope-nothing", "Unknown policy item id" },
  { "unknown-policy-category", SET ("policy.custom_items[0].category", "\"nowhere\""),
    PW (INVALID), "$.policy.custom_items[0].category", "Unknown policy category" },
  { "unknown-policy-status", SET ("policy.items.legal-labor.status", "\"done\""), PW (INVALID),
    "$.policy.items.legal-labor.status", "Unknown value “done”" },
  { "policy-status-with-newline",
    SET ("policy.items.legal-labor.status", "\"done\\n$.policy: looks fine\""), PW (INVALID),
    "$.policy.items.legal-labor.status", "Unknown value", F_ONE_LINE },
  { "policy-status-with-line-separators",
    SET ("policy.items.legal-labor.status", "\"done\\u2028$.policy:\\u2029fine\""),
    PW (INVALID), "$.policy.items.legal-labor.status",
    "Unknown value “doneU+2028$.policy:U+2029fine”" },
  { "unknown-dimension-in-commentary",
    RENAME ("reports[0].commentary.governance", "bureaucracy"), PW (INVALID),
    "$.reports[0].commentary.bureaucracy", "Unknown dimension id" },
  { "unknown-report-assessment", SET ("reports[0].assessment", "\"assessment-9\""),
    PW (INVALID), "$.reports[0].assessment", "Unknown assessment id" },
  { "unknown-report-comparison", SET ("reports[0].compare", "\"assessment-9\""),
    PW (INVALID), "$.reports[0].compare", "Unknown assessment id" },
  { "report-omit-not-array", SET ("reports[0].omit", "\"map\""),
    PW (INVALID), "$.reports[0].omit", "Expected an array" },
  { "report-omit-not-id", SET ("reports[0].omit", "[\"map\", \"two words\"]"),
    PW (INVALID), "$.reports[0].omit[1]", "Not a valid identifier" },

  /* Links */
  { "self-link", SET ("org_map.links[0].to", "\"hub\""), PW (INVALID), "$.org_map.links[0]:",
    "linked to itself" },
  { "duplicate-link", DUP ("org_map.links[2]"), PW (INVALID), "$.org_map.links[6]:",
    "Duplicate link" },

  /* Answers out of range */
  { "answer-value-0", SET ("assessments[0].answers.strategy-2.value", "0"), PW (INVALID),
    "$.assessments[0].answers.strategy-2.value", "out of range" },
  { "answer-value-6", SET ("assessments[0].answers.strategy-3.value", "6"), PW (INVALID),
    "$.assessments[0].answers.strategy-3.value", "out of range" },
  { "answer-value-minus-1", SET ("assessments[1].answers.strategy-4.value", "-1"), PW (INVALID),
    "$.assessments[1].answers.strategy-4.value", "out of range" },
  { "answer-value-maybe", SET ("assessments[0].answers.strategy-5.value", "\"maybe\""),
    PW (INVALID), "$.assessments[0].answers.strategy-5.value", "“maybe”" },
  { "answer-value-3.5", SET ("assessments[0].answers.listening-1.value", "3.5"), PW (INVALID),
    "$.assessments[0].answers.listening-1.value", "Expected a phase from 1 to 5" },
  { "answer-value-dash", SET ("assessments[0].answers.listening-2.value", "\"-\""),
    PW (INVALID), "$.assessments[0].answers.listening-2.value", "Expected a phase from 1 to 5" },
  { "answer-value-true", SET ("assessments[0].answers.listening-3.value", "true"),
    PW (INVALID), "$.assessments[0].answers.listening-3.value", "Expected a phase from 1 to 5" },
  { "answer-value-array", SET ("assessments[0].answers.listening-4.value", "[3]"),
    PW (INVALID), "$.assessments[0].answers.listening-4.value", "Expected a phase from 1 to 5" },

  /* Dates */
  { "date-2025-02-30", SET ("assessments[0].date", "\"2025-02-30\""), PW (INVALID),
    "$.assessments[0].date", "Not a valid date" },
  { "date-yesterday", SET ("assessments[1].date", "\"yesterday\""), PW (INVALID),
    "$.assessments[1].date", "Not a valid date" },
  { "date-month-13", SET ("assessments[0].date", "\"2025-13-01\""), PW (INVALID),
    "$.assessments[0].date", "Not a valid date" },
  { "date-year-0", SET ("assessments[0].date", "\"0000-01-01\""), PW (INVALID),
    "$.assessments[0].date", "Not a valid date" },
  { "date-empty", SET ("assessments[0].date", "\"\""), PW (INVALID), "$.assessments[0].date",
    NULL },
  { "review-date-2026-02-29", SET ("policy.items.scope-purpose.review_date", "\"2026-02-29\""),
    PW (INVALID), "$.policy.items.scope-purpose.review_date", "Not a valid date" },

  /* Ids and ranges */
  { "team-id-with-space", SET ("org_map.teams[1].id", "\"customer care\""), PW (INVALID),
    "$.org_map.teams[1].id", "Not a valid identifier" },
  { "assessment-id-with-slash", SET ("assessments[0].id", "\"2025/baseline\""), PW (INVALID),
    "$.assessments[0].id", "Not a valid identifier" },
  { "report-id-65-characters",
    SET ("reports[0].id", "\"r1234567890123456789012345678901234567890123456789012345678901234\""),
    PW (INVALID), "$.reports[0].id", "Not a valid identifier" },
  { "headcount-negative", SET ("org_map.teams[0].headcount", "-1"), PW (INVALID),
    "$.org_map.teams[0].headcount", "out of range" },
  { "participants-over-limit", SET ("assessments[1].participants", "100001"), PW (INVALID),
    "$.assessments[1].participants", "out of range" },

  /* Collections */
  { "150-unknown-answers", GENERATE (generate_150_unknown_answers), PW (INVALID),
    "$.assessments[0].answers.bogus-000", "…and 50 more problems" },
  { "1001-custom-items", GENERATE (generate_1001_custom_items), PW (INVALID),
    "$.policy.custom_items", "More than 1000 entries" },
  { "101-channels", GENERATE (generate_101_channels), PW (INVALID),
    "$.org_map.teams[0].channels", "More than 100 entries" },

  /* Files */
  { "file-over-64mib", SPECIAL (make_file_over_64mib), PW (TOO_LARGE), "1:1:",
    "may not be larger than" },
  { "directory", SPECIAL (make_directory), IO (IS_DIRECTORY), NULL, "folder" },
  { "missing-file", SPECIAL (make_missing_file), IO (NOT_FOUND), NULL, NULL },
  { "symlink-loop", SPECIAL (make_symlink_loop), IO (TOO_MANY_LINKS), NULL, NULL },
};

/* ---- The framework cases -------------------------------------------------- */

static const HostileCase framework_cases[] = {
  { "phases-4", REMOVE ("phases[4]"), PW (INVALID), "$.phases",
    "Expected exactly 5 phases, found 4", F_EMBED },
  { "phases-6", DUP ("phases[4]"), PW (INVALID), "$.phases",
    "Expected exactly 5 phases, found 6", F_EMBED },
  { "phases-out-of-order", SET ("phases[0].phase", "2"), PW (INVALID), "$.phases[0].phase",
    "in order", F_EMBED },
  { "phase-name-bool", SET ("phases[2].name", "true"), PW (INVALID), "$.phases[2].name",
    "Expected a string, found true or false", F_EMBED },
  { "missing-phases", REMOVE ("phases"), PW (INVALID), "$.phases",
    "Required member is missing", F_EMBED },
  { "options-4", REMOVE ("dimensions[0].questions[0].options[4]"), PW (INVALID),
    "$.dimensions[0].questions[0].options", "Expected exactly 5 entries, found 4", F_EMBED },
  { "options-6", DUP ("dimensions[0].questions[1].options[0]"), PW (INVALID),
    "$.dimensions[0].questions[1].options", "Expected exactly 5 entries, found 6", F_EMBED },
  { "next-steps-3-lists", REMOVE ("dimensions[0].next_steps[3]"), PW (INVALID),
    "$.dimensions[0].next_steps", "Expected exactly 4 lists of steps, found 3", F_EMBED },
  { "next-steps-empty-list", SET ("dimensions[1].next_steps[2]", "[]"), PW (INVALID),
    "$.dimensions[1].next_steps[2]", "Expected 1 to 10 steps, found 0", F_EMBED },
  { "next-steps-not-a-list", SET ("dimensions[0].next_steps[1]", "\"Write it down.\""),
    PW (INVALID), "$.dimensions[0].next_steps[1]", "Expected an array of steps", F_EMBED },
  { "next-step-empty-before-valid",
    SET ("dimensions[0].next_steps[0]", "[\"\", \"Write the strategy down.\"]"), PW (INVALID),
    "$.dimensions[0].next_steps[0][0]", "Must not be empty", F_EMBED },
  { "duplicate-question-id", DUP ("dimensions[0].questions[0]"), PW (INVALID),
    "$.dimensions[0].questions[5].id", "Duplicate question id “strategy-1”", F_EMBED },
  { "duplicate-question-id-across-dimensions",
    SET ("dimensions[1].questions[0].id", "\"strategy-1\""), PW (INVALID),
    "$.dimensions[1].questions[0].id", "Duplicate question id", F_EMBED },
  { "duplicate-dimension-id", DUP ("dimensions[1]"), PW (INVALID), "$.dimensions[11].id",
    "Duplicate dimension id “listening”", F_EMBED },
  { "dimension-name-newline", SET ("dimensions[0].name", "\"Strategy\\nOverall: phase 5\""),
    PW (INVALID), "$.dimensions[0].name", "may not hold the control character U+000A",
    F_EMBED | F_ONE_LINE },
  { "phase-name-blank", SET ("phases[1].name", "\"\\u200b\""), PW (INVALID),
    "$.phases[1].name", "Must hold more than white space", F_EMBED },
  { "empty-question-text", SET ("dimensions[0].questions[0].text", "\"\""), PW (INVALID),
    "$.dimensions[0].questions[0].text", "Must not be empty", F_EMBED },
  { "question-weight-0", SET ("dimensions[0].questions[0].weight", "0"), PW (INVALID),
    "$.dimensions[0].questions[0].weight", "Number 0 is out of range (1 to 100)", F_EMBED },
  { "dimension-weight-101", SET ("dimensions[0].weight", "101"), PW (INVALID),
    "$.dimensions[0].weight", "Number 101 is out of range (1 to 100)", F_EMBED },
  { "weight-as-string", SET ("dimensions[4].weight", "\"2\""), PW (INVALID),
    "$.dimensions[4].weight", "Expected a whole number, found a string", F_EMBED },
  { "weight-fraction", SET ("dimensions[4].questions[2].weight", "1.5"), PW (INVALID),
    "$.dimensions[4].questions[2].weight", "Expected a whole number, found a number", F_EMBED },
  { "version-1.0", SET ("version", "\"1.0\""), PW (INVALID), "$.version",
    "Not a semantic version", F_EMBED },
  { "version-leading-zero", SET ("version", "\"01.0.0\""), PW (INVALID), "$.version",
    "Not a semantic version", F_EMBED },
  { "format-version-3-newer", SET ("format_version", "3"), PW (NEWER_VERSION),
    "$.format_version", "newer version", F_EMBED },
  { "format-version-0", SET ("format_version", "0"), PW (INVALID), "$.format_version",
    "out of range", F_EMBED },
  { "format-version-string", SET ("format_version", "\"1\""), PW (INVALID), "$.format_version",
    "Expected a whole number, found a string", F_EMBED },
  { "wrong-format-name", SET ("format", "\"phasewise-workbook\""), PW (INVALID), "$.format",
    "Not a Phasewise framework", F_EMBED },
  { "format-name-with-newline", SET ("format", "\"x\\n$.format: fine\""), PW (INVALID),
    "$.format", "Not a Phasewise framework", F_EMBED | F_ONE_LINE },
  { "format-is-array", SET ("format", "[\"phasewise-framework\"]"), PW (INVALID), "$.format",
    "Expected a string, found an array", F_EMBED },
  { "format-is-object", SET ("format", "{}"), PW (INVALID), "$.format",
    "Expected a string, found an object", F_EMBED },
  { "dimension-without-questions", SET ("dimensions[2].questions", "[]"), PW (INVALID),
    "$.dimensions[2].questions", "Expected 1 to 30 questions, found 0", F_EMBED },
  { "no-dimensions", SET ("dimensions", "[]"), PW (INVALID), "$.dimensions",
    "Expected 1 to 30 dimensions, found 0", F_EMBED },
  { "levels-object", SET ("dimensions[0].levels", "{}"), PW (INVALID), "$.dimensions[0].levels",
    "Expected an array, found an object", F_EMBED },
  { "levels-numbers", SET ("dimensions[3].levels", "[1, 2, 3, 4, 5]"), PW (INVALID),
    "$.dimensions[3].levels[0]", "Expected a string, found a number", F_EMBED },
  { "levels-null", SET ("dimensions[3].levels", "null"), PW (INVALID), "$.dimensions[3].levels",
    "Required member is missing", F_EMBED },
  { "question-id-with-slash", SET ("dimensions[0].questions[1].id", "\"strategy/2\""),
    PW (INVALID), "$.dimensions[0].questions[1].id", "Not a valid identifier", F_EMBED },
  { "duplicate-policy-category-id", SET ("policy.categories[1].id", "\"scope\""), PW (INVALID),
    "$.policy.categories[1].id", "Duplicate policy category id", F_EMBED },
  { "duplicate-policy-item-id", SET ("policy.categories[1].items[0].id", "\"scope-purpose\""),
    PW (INVALID), "$.policy.categories[1].items[0].id", "Duplicate policy item id", F_EMBED },
  { "root-array-fixture", FIXTURE ("framework-root-array.json"), PW (INVALID), "$:",
    "Expected an object, found an array" },
  { "is-a-workbook-fixture", FIXTURE ("framework-is-a-workbook.json"), PW (INVALID), "$.format",
    "Not a Phasewise framework" },
  { "trailing-comma-fixture", FIXTURE ("framework-trailing-comma.json"), PW (SYNTAX), "3:22:",
    "Trailing commas" },
  { "comment-fixture", FIXTURE ("framework-comment.json"), PW (SYNTAX), "4:20:",
    "Comments are not allowed" },
  { "format-is-array-fixture", FIXTURE ("framework-format-is-array.json"), PW (INVALID),
    "$.format", "Expected a string, found an array" },
  { "nesting-100000", GENERATE (generate_framework_nesting_100000), PW (TOO_DEEP), NULL,
    "Nesting deeper than 64" },
  { "duplicate-key", REPLACE ("\"id\": \"lostinsm\",", "\"id\": \"lostinsm\", @@\"id\": \"x\","),
    PW (DUPLICATE_KEY), NULL, "“id”" },
  { "empty", LITERAL (""), PW (SYNTAX), "1:1:", "empty" },
};

static void catch_warnings (void);

/* ---- Checking a result ---------------------------------------------------- */

static void
expect_substring (const char *what,
                  const char *haystack,
                  const char *needle)
{
  if (needle != NULL && strstr (haystack, needle) == NULL)
    g_test_fail_printf ("%s: “%s” does not contain “%s”", what, haystack, needle);
}

static gboolean
line_names_place (const char *line)
{
  const char *p = line;

  if (*line == '$')
    return strstr (line, ": ") != NULL;

  if (g_str_has_prefix (line, "…and "))
    return TRUE;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p++ != ':' || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;

  return g_str_has_prefix (p, ": ");
}

/* Checks the outcome of one load: no object, the expected error, a message
 * that names the place.  Returns the message (or NULL).
 */
static char *
check_failure (const HostileCase *hc,
               const char        *what,
               const char        *place,
               gpointer           result,
               const GError      *error)
{
  GQuark domain = hc->io ? G_IO_ERROR : PW_ERROR;

  g_test_message ("%s: %s", what, error ? error->message : "(no error)");

  if (result != NULL)
    {
      g_test_fail_printf ("%s: returned a document for hostile input", what);
      g_object_unref (result);
    }

  if (error == NULL)
    {
      g_test_fail_printf ("%s: no error set", what);
      return NULL;
    }

  if (error->domain != domain || error->code != hc->code)
    g_test_fail_printf ("%s: expected %s %d, got %s %d (%s)", what, g_quark_to_string (domain),
                        hc->code, g_quark_to_string (error->domain), error->code,
                        error->message);

  if (!g_utf8_validate (error->message, -1, NULL))
    g_test_fail_printf ("%s: the message is not valid UTF-8", what);

  expect_substring (what, error->message, hc->also);

  if (!hc->io)
    {
      g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);

      expect_substring (what, error->message, place);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (!line_names_place (lines[i]))
            g_test_fail_printf ("%s: message line “%s” does not start with its place", what,
                                lines[i]);
        }

      if ((hc->flags & F_ONE_LINE) && g_strv_length (lines) != 1)
        g_test_fail_printf ("%s: expected one line, got %u: “%s”", what, g_strv_length (lines),
                            error->message);
    }

  return g_strdup (error->message);
}

/* What `phasewise --validate FILE` prints, through the same function. */
static void
check_cli (const char *path,
           const char *place)
{
  const char * const paths[] = { path, NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  int status;

  status = pw_cli_validate (paths, out, err);
  g_test_message ("pw_cli_validate: %d: %s", status, err->str);

  g_assert_cmpint (status, ==, PW_EXIT_INVALID);
  g_assert_cmpstr (out->str, ==, "");
  expect_substring ("pw_cli_validate", err->str, place);

  lines = g_strsplit (err->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      if (!g_str_has_prefix (lines[i], path) || lines[i][strlen (path)] != ':')
        g_test_fail_printf ("pw_cli_validate: line “%s” does not start with the file name",
                            lines[i]);
    }
}

static char *
make_case_dir (void)
{
  char *dir = g_build_filename (g_get_user_cache_dir (), "hostile", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  return dir;
}

static char *
write_case_file (const char *dir,
                 const char *name,
                 const char *suffix,
                 GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_strconcat (name, suffix, NULL);
  char *path = g_build_filename (dir, base, NULL);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  g_file_set_contents (path, data ? data : "", (gssize) length, &error);
  g_assert_no_error (error);

  return path;
}

/* Loads @path as a file and @bytes (when given) from memory, and checks both
 * fail the same way; then, when @with_cli, checks the command line's report.
 */
static void
check_workbook_load (const HostileCase *hc,
                     const char        *path,
                     GBytes            *bytes,
                     const char        *place,
                     gboolean           with_cli)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) file_error = NULL;
  g_autofree char *file_message = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) mapped_bytes = NULL;
  PwWorkbook *workbook;

  workbook = pw_workbook_load (file, NULL, &file_error);
  file_message = check_failure (hc, "pw_workbook_load", place, workbook, file_error);

  if (bytes == NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      /* Maps the file without reading it: the big sparse file costs nothing. */
      mapped = g_mapped_file_new (path, FALSE, NULL);
      if (mapped != NULL)
        bytes = mapped_bytes = g_mapped_file_get_bytes (mapped);
    }

  if (bytes != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      workbook = pw_workbook_load_from_bytes (bytes, &error);
      message = check_failure (hc, "pw_workbook_load_from_bytes", place, workbook, error);
      if (!hc->io && file_message != NULL && message != NULL)
        g_assert_cmpstr (message, ==, file_message);
    }

  if (with_cli)
    check_cli (path, hc->io ? path : place);
}

static void
test_workbook_case (gconstpointer data)
{
  const HostileCase *hc = data;
  g_autofree char *dir = make_case_dir ();
  g_autofree char *place = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  catch_warnings ();

  if (hc->op == OP_SPECIAL_FILE)
    {
      path = hc->make_file (dir, &place);
    }
  else
    {
      bytes = make_bytes (hc, get_example (), "", &place);
      path = write_case_file (dir, hc->name, ".phasewise", bytes);
    }

  if (hc->place != NULL)
    {
      g_free (place);
      place = g_strdup (hc->place);
    }
  g_assert_true (place != NULL || hc->io);

  /* A plain content error reaches the command line as the same message as
   * any other, so the report is checked for every kind of input, but not
   * for every edit of the tree (that keeps the suite quick under valgrind).
   */
  check_workbook_load (hc, path, bytes, place,
                       !is_tree_edit (hc->op) || (hc->flags & F_ONE_LINE));
}

static void
test_framework_case (gconstpointer data)
{
  const HostileCase *hc = data;
  g_autofree char *place = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  PwFramework *framework;

  catch_warnings ();

  bytes = make_bytes (hc, get_framework (), "", &place);
  if (hc->place != NULL)
    {
      g_free (place);
      place = g_strdup (hc->place);
    }
  g_assert_nonnull (place);

  framework = pw_framework_new_from_bytes (bytes, &error);
  message = check_failure (hc, "pw_framework_new_from_bytes", place, framework, error);
  g_assert_nonnull (message);
}

/* The same edit in the framework embedded in the example workbook: the
 * problem's path is then under "$.framework".
 */
static void
test_framework_in_workbook_case (gconstpointer data)
{
  const HostileCase *hc = data;
  g_autofree char *dir = make_case_dir ();
  g_autofree char *place = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  catch_warnings ();

  g_assert_true (is_tree_edit (hc->op));
  g_assert_true (hc->place[0] == '$');

  bytes = make_bytes (hc, get_example (), "framework.", &place);
  path = write_case_file (dir, hc->name, ".phasewise", bytes);
  g_free (place);
  place = g_strconcat ("$.framework", hc->place + 1, NULL);

  check_workbook_load (hc, path, bytes, place, FALSE);
}

/* ---- Other tests ---------------------------------------------------------- */

/* The inputs the cases are made from are valid, also after json-glib has
 * rewritten them, so every case fails for the reason it is about.
 */
static void
test_sources_are_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PwWorkbook) workbook = NULL;
  g_autoptr(PwWorkbook) rewritten = NULL;
  g_autoptr(PwFramework) framework = NULL;
  g_autoptr(PwFramework) framework_rewritten = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  catch_warnings ();

  path = pw_test_example_path ();
  file = g_file_new_for_path (path);
  workbook = pw_workbook_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workbook);

  root = parse_trusted (get_example ());
  bytes = serialize (root);
  rewritten = pw_workbook_load_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rewritten);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&bytes, g_bytes_unref);

  framework = pw_framework_new_from_bytes (get_framework (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (framework);

  root = parse_trusted (get_framework ());
  bytes = serialize (root);
  framework_rewritten = pw_framework_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (framework_rewritten);
}

typedef struct
{
  char  *path;
  gsize  limit;
  gsize  written;
  gint   stop;  /* atomic: the reader is done, give up waiting for one */
} FifoWriter;

static gpointer
fifo_writer_thread (gpointer data)
{
  FifoWriter *w = data;
  gsize chunk_size = 1024 * 1024;
  g_autofree char *chunk = g_strnfill (chunk_size, ' ');
  int fd = -1;

  /* Wait for a reader without blocking in open(), so that a loader that
   * never opens the FIFO cannot hang the test. */
  while (fd < 0)
    {
      fd = open (w->path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        {
          if (errno != ENXIO || g_atomic_int_get (&w->stop))
            return NULL;
          g_usleep (1000);
        }
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  while (w->written < w->limit)
    {
      gssize n = write (fd, chunk, MIN (chunk_size, w->limit - w->written));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;  /* EPIPE: the reader has gone */
      w->written += (gsize) n;
    }

  close (fd);

  return NULL;
}

/* A FIFO (or a device) has no size to check in advance: the loader must
 * still stop reading at the limit instead of taking whatever it is fed.
 * The writer offers 80 MiB and counts what was taken.
 */
static void
test_fifo_over_limit (void)
{
  g_autofree char *dir = make_case_dir ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  FifoWriter writer = { 0, };
  PwWorkbook *workbook;
  int fd;

  catch_warnings ();

  signal (SIGPIPE, SIG_IGN);

  writer.path = g_build_filename (dir, "fifo.phasewise", NULL);
  writer.limit = (gsize) PW_WORKBOOK_MAX_BYTES + 16 * 1024 * 1024;
  g_assert_cmpint (mkfifo (writer.path, 0600), ==, 0);
  thread = g_thread_new ("fifo-writer", fifo_writer_thread, &writer);

  file = g_file_new_for_path (writer.path);
  workbook = pw_workbook_load (file, NULL, &error);
  g_test_message ("pw_workbook_load: %s", error ? error->message : "(no error)");

  /* Stops the writer if the loader never opened the FIFO. */
  g_atomic_int_set (&writer.stop, 1);
  fd = open (writer.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd >= 0)
    close (fd);
  g_thread_join (g_steal_pointer (&thread));

  g_assert_null (workbook);
  g_clear_object (&workbook);
  g_assert_nonnull (error);
  if (error != NULL
      && !g_error_matches (error, PW_ERROR, PW_ERROR_TOO_LARGE)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    g_test_fail_printf ("expected PW_ERROR_TOO_LARGE or G_IO_ERROR_NOT_REGULAR_FILE, got %s",
                        error->message);

  g_test_message ("the loader took %" G_GSIZE_FORMAT " bytes", writer.written);
  if (writer.written > (gsize) PW_WORKBOOK_MAX_BYTES + 4 * 1024 * 1024)
    g_test_fail_printf ("the loader read %" G_GSIZE_FORMAT " bytes from a FIFO, past the "
                        "limit of %d", writer.written, PW_WORKBOOK_MAX_BYTES);

  g_unlink (writer.path);
  g_free (writer.path);
}

static void
load_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The application loads into a document in a worker thread, whose stack
 * may be smaller than the main thread's: 100,000 levels must not reach
 * json-glib there either (RELIABILITY.md, case 10).
 */
static void
test_nesting_in_worker_thread (void)
{
  g_autofree char *dir = make_case_dir ();
  g_autofree char *place = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PwSession) session = pw_session_new (NULL, NULL);
  g_autoptr(PwDocument) document = pw_document_new (session);
  const HostileCase *hc = NULL;
  PwWorkbook *workbook = NULL;

  catch_warnings ();

  for (gsize i = 0; i < G_N_ELEMENTS (workbook_cases); i++)
    {
      if (g_str_equal (workbook_cases[i].name, "nesting-100000-arrays-file"))
        hc = &workbook_cases[i];
    }
  g_assert_nonnull (hc);

  bytes = make_bytes (hc, get_example (), "", &place);
  path = write_case_file (dir, "worker-thread", ".phasewise", bytes);
  file = g_file_new_for_path (path);

  pw_document_load_async (document, file, NULL, load_async_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (pw_document_load_finish (document, result, &error))
    workbook = g_object_ref (pw_document_get_workbook (document));
  message = check_failure (hc, "pw_document_load_async", hc->place, workbook, error);
  g_assert_nonnull (message);
  g_assert_null (pw_document_get_workbook (document));
}

static int
run_phasewise (const char * const  *args,
               char               **out,
               char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("PW_PHASEWISE_BIN");
  int wait_status = 0;

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (char *) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("phasewise %s → %d\nstdout: %s\nstderr: %s", args[0],
                  WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1, *out, *err);
  g_assert_true (WIFEXITED (wait_status));

  return WEXITSTATUS (wait_status);
}

static const HostileCase *
find_case (const HostileCase *cases,
           gsize              n_cases,
           const char        *name)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      if (g_str_equal (cases[i].name, name))
        return &cases[i];
    }

  g_assert_not_reached ();
  return NULL;
}

/* The real binary on representative files: two committed fixtures, and
 * three generated ones written to the test's own folder.
 */
static void
test_cli_binary (void)
{
  struct
  {
    const char *name;
    gboolean    fixture;
    const char *expected;  /* after "FILE" */
  } files[] = {
    { "syntax-error-line3-col10.phasewise", TRUE, ":3:10: " },
    { "duplicate-key-top-level.phasewise", TRUE, ":4:3: " },
    { "nesting-100000-arrays-file", FALSE, ":1:65: " },
    { "unknown-team-in-link-to", FALSE, ": $.org_map.links[0].to: " },
    { "format-version-2-newer", FALSE, ": $.format_version: " },
  };
  g_autofree char *dir = make_case_dir ();
  g_autofree char *example = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) paths = g_new0 (char *, G_N_ELEMENTS (files) + 1);

  catch_warnings ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *expected = NULL;
      const char *args[3] = { "--validate", NULL, NULL };

      if (files[i].fixture)
        {
          paths[i] = pw_test_source_path ("tests", "fixtures", "hostile", files[i].name, NULL);
        }
      else
        {
          const HostileCase *hc = find_case (workbook_cases, G_N_ELEMENTS (workbook_cases),
                                             files[i].name);
          g_autofree char *place = NULL;
          g_autoptr(GBytes) bytes = make_bytes (hc, get_example (), "", &place);

          paths[i] = write_case_file (dir, hc->name, ".phasewise", bytes);
        }

      args[1] = paths[i];
      g_assert_cmpint (run_phasewise (args, &out, &err), ==, PW_EXIT_INVALID);
      expected = g_strconcat (paths[i], files[i].expected, NULL);
      expect_substring ("phasewise --validate (stderr)", err, expected);
      g_assert_cmpstr (out, ==, "");
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }

  /* All at once, with the valid example among them: still 1, the example
   * reported valid and every bad file named. */
  example = pw_test_example_path ();
  {
    const char *args[G_N_ELEMENTS (files) + 3] = { "--validate", example, NULL };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      args[i + 2] = paths[i];
    g_assert_cmpint (run_phasewise (args, &out, &err), ==, PW_EXIT_INVALID);
    expect_substring ("phasewise --validate (stdout)", out, "valid workbook");
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      expect_substring ("phasewise --validate (stderr)", err, paths[i]);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *args[] = { "--validate", example, NULL };

    g_assert_cmpint (run_phasewise (args, &out, &err), ==, PW_EXIT_OK);
    expect_substring ("phasewise --validate (stdout)", out, "valid workbook");
    g_assert_cmpstr (err, ==, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *args[] = { "--validate", NULL };

    g_assert_cmpint (run_phasewise (args, &out, &err), ==, PW_EXIT_USAGE);
    g_assert_cmpstr (out, ==, "");
    g_assert_cmpstr (err, !=, "");
  }
}

/* ---- Main ----------------------------------------------------------------- */

/* Warnings and criticals fail the current case instead of aborting the
 * whole run, so that the other cases still report.  The default handler
 * of the test framework would print "Bail out!" for them, which ends the
 * TAP stream, so it is replaced too.
 */
static gboolean
log_fatal_cb (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  return FALSE;
}

static void
log_cb (const char     *log_domain,
        GLogLevelFlags  log_level,
        const char     *message,
        gpointer        user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    g_test_fail_printf ("unexpected log message from %s: %s",
                        log_domain ? log_domain : "(none)", message);
  else
    g_log_default_handler (log_domain, log_level & ~G_LOG_FLAG_FATAL, message, user_data);
}

/* Called at the start of every test: the test framework resets the fatal
 * handler between tests. */
static void
catch_warnings (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_log_set_default_handler (log_cb, NULL);
  g_test_log_set_fatal_handler (log_fatal_cb, NULL);
}

static void
add_cases (const char        *group,
           const HostileCase *cases,
           gsize              n_cases,
           GTestDataFunc      func,
           gboolean           embedded_only)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *path = NULL;

      if (embedded_only && !(cases[i].flags & F_EMBED))
        continue;

      path = g_strdup_printf ("/phasewise/hostile/%s/%s", group, cases[i].name);
      g_test_add_data_func (path, &cases[i], func);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/phasewise/hostile/sources-are-valid", test_sources_are_valid);
  add_cases ("workbook", workbook_cases, G_N_ELEMENTS (workbook_cases), test_workbook_case,
             FALSE);
  add_cases ("framework", framework_cases, G_N_ELEMENTS (framework_cases), test_framework_case,
             FALSE);
  add_cases ("framework-in-workbook", framework_cases, G_N_ELEMENTS (framework_cases),
             test_framework_in_workbook_case, TRUE);
  g_test_add_func ("/phasewise/hostile/nesting-in-worker-thread", test_nesting_in_worker_thread);
  g_test_add_func ("/phasewise/hostile/fifo-over-limit", test_fifo_over_limit);
  g_test_add_func ("/phasewise/hostile/cli-binary", test_cli_binary);

  status = g_test_run ();

  g_clear_pointer (&example_bytes, g_bytes_unref);
  g_clear_pointer (&framework_bytes, g_bytes_unref);

  return status;
}
