/* pw-json-reader.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-error.h"
#include "pw-json-reader.h"
#include "pw-json-util.h"

/*
 * PwJsonReader walks a tree that json-glib parsed from untrusted bytes.  It
 * keeps the JSON path of the place it reads, checks every member for its
 * type and range, and collects the problems it finds ("$.path: message")
 * instead of stopping at the first, so that one message can list them all.
 */

/* At most this many problems are listed; the rest are counted. */
#define MAX_PROBLEMS 100

struct _PwJsonReader
{
  GString   *path;
  GArray    *marks;     /* gsize: path length before each push */
  GPtrArray *problems;  /* char *: "$.path: message" */
  guint      n_dropped;
  gboolean   stopped;   /* arrays were left unread after the cap */
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

void
pw_json_reader_push_member (PwJsonReader *reader,
                            const char   *member)
{
  gsize mark = reader->path->len;

  g_array_append_val (reader->marks, mark);
  pw_json_path_extend (reader->path, member);
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

  if (reader->problems->len >= MAX_PROBLEMS)
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

  if (reader->stopped)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              /* Translators: after the list of the first problems found */
                              g_dngettext (GETTEXT_PACKAGE,
                                           "…and %u more problem; the rest of the file was "
                                           "not checked",
                                           "…and %u more problems; the rest of the file was "
                                           "not checked",
                                           reader->n_dropped),
                              reader->n_dropped);
    }
  else if (reader->n_dropped > 0)
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

/* Control characters: C0, DEL and C1, and the line and paragraph
 * separators, which break a line as well. */
static gboolean
is_line_break_or_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
}

/* Whether @value (valid UTF-8) shows anything: not only white space,
 * control, format (zero-width, bidi) or unassigned characters. */

static gboolean
check_string_value (PwJsonReader *reader,
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

  if (flags & PW_JSON_LINE)
    {
      for (const char *p = value; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (is_line_break_or_control (c))
            {
              g_autofree char *code = g_strdup_printf ("U+%04X", c);

              /* Translators: %s is a character's code, e.g. U+001B */
              pw_json_reader_problem (reader, member,
                                      _("A one-line text may not hold the control "
                                        "character %s"), code);
              return FALSE;
            }
        }
    }

  if ((flags & PW_JSON_NON_EMPTY) && !pw_text_is_visible (value))
    {
      pw_json_reader_problem (reader, member,
                              _("Must hold more than white space and invisible characters"));
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
                              _("Not a valid identifier (1 to %d letters, digits, “-”, "
                                "“_” or “.”)"),
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
  if (!check_string_value (reader, member, value, flags, max_chars))
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
                             PwJsonFlags    flags,
                             gsize          max_chars,
                             char         **out)
{
  JsonNode *node = json_array_get_element (array, index);
  gboolean ok = FALSE;

  pw_json_reader_push_index (reader, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    pw_json_reader_problem (reader, NULL, _("Expected a string, found %s"),
                            describe_node (node));
  else if (check_string_value (reader, NULL, json_node_get_string (node),
                               flags | PW_JSON_NON_EMPTY, max_chars))
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
 * PwJsonObjectFunc:
 * @reader: the reader, with the path of @object pushed
 * @object: an element of the array
 * @index: the position of @object in the array
 * @user_data: the data given to pw_json_reader_foreach_object()
 *
 * Reads one object of an array.
 */

/**
 * pw_json_reader_foreach_object:
 * @array: an array read from the file
 * @member: the member that holds @array, pushed on the path while the
 *   elements are read
 * @func: called for every element that is an object
 *
 * Calls @func for every element of @array with the element's path pushed,
 * e.g. "$.teams[3]".  An element that is not an object is reported as a
 * problem and skipped.  Once more problems were found than a message lists,
 * the rest of @array is not read.
 */
void
pw_json_reader_foreach_object (PwJsonReader     *reader,
                               JsonArray        *array,
                               const char       *member,
                               PwJsonObjectFunc  func,
                               gpointer          user_data)
{
  guint length;

  g_return_if_fail (reader != NULL);
  g_return_if_fail (array != NULL);
  g_return_if_fail (member != NULL);
  g_return_if_fail (func != NULL);

  pw_json_reader_push_member (reader, member);

  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      JsonObject *object;

      /* Past the problems listed, reading on only costs time: a file
       * with a problem in each of 10,000 assessments is refused as soon. */
      if (reader->n_dropped > 0)
        {
          reader->stopped = TRUE;
          break;
        }

      object = pw_json_read_element_object (reader, array, i);

      if (object == NULL)
        continue;

      pw_json_reader_push_index (reader, i);
      func (reader, object, i, user_data);
      pw_json_reader_pop (reader);
    }

  pw_json_reader_pop (reader);
}
