/* pw-json-util.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-json-util"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-error.h"
#include "pw-json-check.h"
#include "pw-json-util.h"

struct _PwJsonReader
{
  GString   *path;
  GArray    *marks;     /* guint: path length before each push */
  GPtrArray *problems;  /* char *: "$.path: message" */
  guint      n_dropped;
};

PwJsonReader *
pw_json_reader_new (void)
{
  PwJsonReader *reader = g_new0 (PwJsonReader, 1);

  reader->path = g_string_new ("$");
  reader->marks = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader->problems = g_ptr_array_new_with_free_func (g_free);

  return reader;
}

void
pw_json_reader_free (PwJsonReader *reader)
{
  if (reader == NULL)
    return;

  g_string_free (reader->path, TRUE);
  g_array_unref (reader->marks);
  g_ptr_array_unref (reader->problems);
  g_free (reader);
}

static gboolean
is_plain_member (const char *member)
{
  if (*member == '\0')
    return FALSE;

  for (const char *p = member; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return TRUE;
}

static void
append_member (GString    *path,
               const char *member)
{
  if (is_plain_member (member))
    {
      g_string_append_c (path, '.');
      g_string_append (path, member);
      return;
    }

  g_string_append (path, "[\"");
  for (const char *p = member; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        g_string_append_printf (path, "\\%c", (char) c);
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (path, "\\u%04x", c);
      else
        g_string_append_unichar (path, c);

      if (path->len > 400)
        {
          g_string_append (path, "…");
          break;
        }
    }
  g_string_append (path, "\"]");
}

char *
pw_json_path_append_member (const char *path,
                            const char *member)
{
  GString *s = g_string_new (path);

  append_member (s, member);

  return g_string_free (s, FALSE);
}

void
pw_json_reader_push_member (PwJsonReader *reader,
                            const char   *member)
{
  gsize mark = reader->path->len;

  g_array_append_val (reader->marks, mark);
  append_member (reader->path, member);
}

void
pw_json_reader_push_index (PwJsonReader *reader,
                           guint         index)
{
  gsize mark = reader->path->len;

  g_array_append_val (reader->marks, mark);
  g_string_append_printf (reader->path, "[%u]", index);
}

void
pw_json_reader_pop (PwJsonReader *reader)
{
  gsize mark;

  g_assert (reader->marks->len > 0);

  mark = g_array_index (reader->marks, gsize, reader->marks->len - 1);
  g_array_set_size (reader->marks, reader->marks->len - 1);
  g_string_truncate (reader->path, mark);
}

const char *
pw_json_reader_get_path (PwJsonReader *reader)
{
  return reader->path->str;
}

void
pw_json_reader_problem (PwJsonReader *reader,
                        const char   *member,
                        const char   *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (reader->problems->len >= PW_MAX_PROBLEMS)
    {
      reader->n_dropped++;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (member != NULL)
    {
      g_autofree char *path = pw_json_path_append_member (reader->path->str, member);
      g_ptr_array_add (reader->problems, g_strdup_printf ("%s: %s", path, message));
    }
  else
    {
      g_ptr_array_add (reader->problems, g_strdup_printf ("%s: %s", reader->path->str, message));
    }
}

guint
pw_json_reader_n_problems (PwJsonReader *reader)
{
  return reader->problems->len + reader->n_dropped;
}

/**
 * pw_json_reader_finish:
 *
 * Returns: %TRUE when no problem was found; otherwise sets @error to
 *   %PW_ERROR_INVALID with one line per problem.
 */
gboolean
pw_json_reader_finish (PwJsonReader  *reader,
                       GError       **error)
{
  g_autoptr(GString) text = NULL;

  if (reader->problems->len == 0)
    return TRUE;

  text = g_string_new (NULL);
  for (guint i = 0; i < reader->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (reader->problems, i));
    }

  if (reader->n_dropped > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "…and %u more problem",
                                           "…and %u more problems",
                                           reader->n_dropped),
                              reader->n_dropped);
    }

  g_set_error_literal (error, PW_ERROR, PW_ERROR_INVALID, text->str);

  return FALSE;
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          return _("a string");
        if (type == G_TYPE_BOOLEAN)
          return _("true or false");
        return _("a number");
      }
    default:
      return _("an unknown value");
    }
}

JsonObject *
pw_json_read_root_object (PwJsonReader *reader,
                          JsonNode     *root)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      pw_json_reader_problem (reader, NULL, _("Expected an object, found %s"),
                              root ? describe_node (root) : _("nothing"));
      return NULL;
    }

  return json_node_get_object (root);
}

/* Returns the member node, or %NULL when it is absent (reporting it when
 * required) or null (which counts as absent for optional members). */
static JsonNode *
get_member (PwJsonReader *reader,
            JsonObject   *object,
            const char   *member,
            PwJsonFlags   flags)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (flags & PW_JSON_REQUIRED)
        pw_json_reader_problem (reader, member, _("Required member is missing"));
      return NULL;
    }

  return node;
}

/**
 * pw_json_quote_text:
 * @text: text from a file, to be shown in a message
 *
 * Returns: (transfer full): @text cut to 40 characters, with control and
 *   invisible characters shown as escapes, so that a value from a file
 *   cannot break a message into several lines
 */
char *
pw_json_quote_text (const char *text)
{
  GString *out = g_string_new (NULL);
  guint count = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (count++ == 40)
        {
          g_string_append (out, "…");
          break;
        }

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02X", c);
      else if (!g_unichar_isprint (c) && !g_unichar_isspace (c))
        g_string_append_printf (out, "U+%04X", c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
pw_is_valid_id (const char *id)
{
  gsize len = 0;

  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p; p++, len++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        return FALSE;
    }

  return len <= PW_MAX_ID_CHARS;
}

gboolean
pw_is_valid_date (const char *date)
{
  guint y, m, d;

  if (date == NULL || strlen (date) != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (date[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (date[i]))
        {
          return FALSE;
        }
    }

  y = (guint) g_ascii_strtoull (date, NULL, 10);
  m = (guint) g_ascii_strtoull (date + 5, NULL, 10);
  d = (guint) g_ascii_strtoull (date + 8, NULL, 10);

  return y >= 1 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

gboolean
pw_json_check_string_value (PwJsonReader *reader,
                            const char   *member,
                            const char   *value,
                            PwJsonFlags   flags,
                            gsize         max_chars)
{
  if ((flags & PW_JSON_NON_EMPTY) && *value == '\0')
    {
      pw_json_reader_problem (reader, member, _("Must not be empty"));
      return FALSE;
    }

  if (!g_utf8_validate (value, -1, NULL))
    {
      pw_json_reader_problem (reader, member, _("Not valid UTF-8 text"));
      return FALSE;
    }

  if (max_chars > 0 && g_utf8_strlen (value, -1) > (glong) max_chars)
    {
      g_autofree char *limit = g_strdup_printf ("%" G_GSIZE_FORMAT, max_chars);

      /* Translators: %s is a number of characters */
      pw_json_reader_problem (reader, member, _("Text is longer than %s characters"), limit);
      return FALSE;
    }

  if ((flags & PW_JSON_ID) && !pw_is_valid_id (value))
    {
      pw_json_reader_problem (reader, member,
                              _("Not a valid identifier (1 to %d letters, digits, “-”, “_” or “.”)"),
                              PW_MAX_ID_CHARS);
      return FALSE;
    }

  if ((flags & PW_JSON_DATE) && *value != '\0' && !pw_is_valid_date (value))
    {
      pw_json_reader_problem (reader, member, _("Not a valid date (YYYY-MM-DD)"));
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_json_read_string (PwJsonReader  *reader,
                     JsonObject    *object,
                     const char    *member,
                     PwJsonFlags    flags,
                     gsize          max_chars,
                     char         **out)
{
  JsonNode *node = get_member (reader, object, member, flags);
  const char *value;

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      pw_json_reader_problem (reader, member, _("Expected a string, found %s"),
                              describe_node (node));
      return FALSE;
    }

  value = json_node_get_string (node);
  if (!pw_json_check_string_value (reader, member, value, flags, max_chars))
    return FALSE;

  if (out != NULL)
    {
      g_free (*out);
      *out = g_strdup (value);
    }

  return TRUE;
}

gboolean
pw_json_read_int (PwJsonReader *reader,
                  JsonObject   *object,
                  const char   *member,
                  PwJsonFlags   flags,
                  gint64        min,
                  gint64        max,
                  gint64       *out)
{
  JsonNode *node = get_member (reader, object, member, flags);
  gint64 value;

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      pw_json_reader_problem (reader, member, _("Expected a whole number, found %s"),
                              describe_node (node));
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      /* Translators: a number read from a file, then the smallest and the
       * largest allowed */
      pw_json_reader_problem (reader, member, _("Number %s is out of range (%s to %s)"),
                              number, low, high);
      return FALSE;
    }

  if (out != NULL)
    *out = value;

  return TRUE;
}

gboolean
pw_json_read_bool (PwJsonReader *reader,
                   JsonObject   *object,
                   const char   *member,
                   PwJsonFlags   flags,
                   gboolean     *out)
{
  JsonNode *node = get_member (reader, object, member, flags);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      pw_json_reader_problem (reader, member, _("Expected true or false, found %s"),
                              describe_node (node));
      return FALSE;
    }

  if (out != NULL)
    *out = json_node_get_boolean (node);

  return TRUE;
}

JsonObject *
pw_json_read_object (PwJsonReader *reader,
                     JsonObject   *object,
                     const char   *member,
                     PwJsonFlags   flags)
{
  JsonNode *node = get_member (reader, object, member, flags);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      pw_json_reader_problem (reader, member, _("Expected an object, found %s"),
                              describe_node (node));
      return NULL;
    }

  return json_node_get_object (node);
}

JsonArray *
pw_json_read_array (PwJsonReader *reader,
                    JsonObject   *object,
                    const char   *member,
                    PwJsonFlags   flags,
                    guint         max_length)
{
  JsonNode *node = get_member (reader, object, member, flags);
  JsonArray *array;

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      pw_json_reader_problem (reader, member, _("Expected an array, found %s"),
                              describe_node (node));
      return NULL;
    }

  array = json_node_get_array (node);
  if (max_length > 0 && json_array_get_length (array) > max_length)
    {
      pw_json_reader_problem (reader, member, _("More than %u entries"), max_length);
      return NULL;
    }

  return array;
}

JsonObject *
pw_json_read_element_object (PwJsonReader *reader,
                             JsonArray    *array,
                             guint         index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      pw_json_reader_push_index (reader, index);
      pw_json_reader_problem (reader, NULL, _("Expected an object, found %s"),
                              describe_node (node));
      pw_json_reader_pop (reader);
      return NULL;
    }

  return json_node_get_object (node);
}

gboolean
pw_json_read_element_string (PwJsonReader  *reader,
                             JsonArray     *array,
                             guint          index,
                             gsize          max_chars,
                             char         **out)
{
  JsonNode *node = json_array_get_element (array, index);
  gboolean ok = FALSE;

  pw_json_reader_push_index (reader, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    pw_json_reader_problem (reader, NULL, _("Expected a string, found %s"),
                            describe_node (node));
  else if (pw_json_check_string_value (reader, NULL, json_node_get_string (node),
                                       PW_JSON_NON_EMPTY, max_chars))
    ok = TRUE;

  pw_json_reader_pop (reader);

  if (ok && out != NULL)
    {
      g_free (*out);
      *out = g_strdup (json_node_get_string (node));
    }

  return ok;
}

/**
 * pw_json_collect_unknown:
 * @object: an object read from a file
 * @known: %NULL-terminated list of the member names this version knows
 *
 * Returns: (transfer full) (nullable): the members of @object that are not
 *   in @known, in their original order, or %NULL when there are none.
 */
JsonObject *
pw_json_collect_unknown (JsonObject         *object,
                         const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *unknown = NULL;

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strv_contains (known, name))
        continue;

      if (unknown == NULL)
        unknown = json_object_new ();
      json_object_set_member (unknown, name,
                              json_node_ref (json_object_get_member (object, name)));
    }

  return unknown;
}

void
pw_json_append_unknown (JsonObject *dest,
                        JsonObject *unknown)
{
  g_autoptr(GList) members = NULL;

  if (unknown == NULL)
    return;

  members = json_object_get_members (unknown);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!json_object_has_member (dest, name))
        json_object_set_member (dest, name,
                                json_node_ref (json_object_get_member (unknown, name)));
    }
}

static GQuark
unknown_quark (void)
{
  return g_quark_from_static_string ("pw-json-unknown-members");
}

/**
 * pw_json_set_unknown:
 * @object: a model object
 * @unknown: (transfer full) (nullable): members this version does not know
 *
 * Keeps members from a newer file with @object so that they are written back
 * on save.
 */
void
pw_json_set_unknown (gpointer    object,
                     JsonObject *unknown)
{
  g_object_set_qdata_full (object, unknown_quark (), unknown,
                           (GDestroyNotify) json_object_unref);
}

JsonObject *
pw_json_get_unknown (gpointer object)
{
  return g_object_get_qdata (object, unknown_quark ());
}

/**
 * pw_json_set_unknown_named:
 * @slot: which part of @object the members belong to, e.g. "organization"
 *
 * Like pw_json_set_unknown(), for JSON objects that have no model object of
 * their own.
 */
void
pw_json_set_unknown_named (gpointer    object,
                           const char *slot,
                           JsonObject *unknown)
{
  g_autofree char *key = g_strconcat ("pw-json-unknown:", slot, NULL);

  g_object_set_data_full (object, key, unknown, (GDestroyNotify) json_object_unref);
}

JsonObject *
pw_json_get_unknown_named (gpointer    object,
                           const char *slot)
{
  g_autofree char *key = g_strconcat ("pw-json-unknown:", slot, NULL);

  return g_object_get_data (object, key);
}

void
pw_json_set_string_if (JsonObject *dest,
                       const char *member,
                       const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (dest, member, value);
}

/**
 * pw_json_to_bytes:
 *
 * Serializes @root the one way every Phasewise file is written: pretty
 * printed with two spaces, members in the order they were set, a final
 * newline.
 */
GBytes *
pw_json_to_bytes (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *data;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  data = json_generator_to_data (generator, &length);
  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';

  return g_bytes_new_take (data, length);
}

/**
 * pw_json_parse_bytes:
 *
 * Checks @bytes strictly (see pw_json_check()) and only then parses them
 * with json-glib.
 *
 * Returns: (transfer full): the root node, never %NULL on success
 */
JsonNode *
pw_json_parse_bytes (GBytes  *bytes,
                     GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  if (!pw_json_check (data, length, NULL, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, PW_ERROR, PW_ERROR_SYNTAX, "%s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, PW_ERROR, PW_ERROR_SYNTAX, _("1:1: The file is empty"));
      return NULL;
    }

  return json_node_ref (root);
}
