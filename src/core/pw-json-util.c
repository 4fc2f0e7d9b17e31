/* pw-json-util.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-json-util"

#include "config.h"

#include <math.h>
#include <string.h>

#include "pw-error.h"
#include "pw-json-check.h"
#include "pw-json-check-private.h"
#include "pw-json-util.h"
#include "pw-json-util-private.h"
#include "pw-utils-private.h"

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

/**
 * pw_json_path_extend:
 * @path: a JSON path such as "$.teams[3]"
 * @member: a member name from a file
 *
 * Appends @member to @path: ".name" when it is made of letters, digits, "-"
 * and "_", otherwise ["…"] with quotes, backslashes, and control, format
 * (bidirectional overrides, zero-width) and line-breaking characters escaped
 * (_pw_is_invisible_char()), cut short when the path grows past 400 bytes.
 */
void
pw_json_path_extend (GString    *path,
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
      else if (_pw_is_invisible_char (c))
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

  pw_json_path_extend (s, member);

  return g_string_free (s, FALSE);
}

/**
 * pw_json_quote_text:
 * @text: text from a file, to be shown in a message
 *
 * Quotes @text as the messages of pw_json_check() quote what they show.
 *
 * Returns: (transfer full): @text cut to 40 characters, with control and
 *   invisible characters (line and paragraph separators too) shown as
 *   escapes, so that a value from a file cannot break a message into
 *   several lines
 */
char *
pw_json_quote_text (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return _pw_json_check_quote ((const guchar *) text, strlen (text));
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
 * _pw_json_set_unknown:
 * @object: a model object
 * @unknown: (transfer full) (nullable): members this version does not know
 *
 * Keeps members from a newer file with @object so that they are written back
 * on save.
 */
void
_pw_json_set_unknown (gpointer    object,
                      JsonObject *unknown)
{
  g_object_set_qdata_full (object, unknown_quark (), unknown,
                           (GDestroyNotify) json_object_unref);
}

JsonObject *
_pw_json_get_unknown (gpointer object)
{
  return g_object_get_qdata (object, unknown_quark ());
}

/**
 * _pw_json_set_unknown_named:
 * @slot: which part of @object the members belong to, e.g. "organization"
 *
 * Like _pw_json_set_unknown(), for JSON objects that have no model object of
 * their own.
 */
void
_pw_json_set_unknown_named (gpointer    object,
                            const char *slot,
                            JsonObject *unknown)
{
  g_autofree char *key = g_strconcat ("pw-json-unknown:", slot, NULL);

  g_object_set_data_full (object, key, unknown, (GDestroyNotify) json_object_unref);
}

JsonObject *
_pw_json_get_unknown_named (gpointer    object,
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

/* Strings as json-glib writes them, except that every control character
 * is escaped: json-glib 1.6 writes U+001F as it is, which is not JSON. */
static void
append_string (GString    *out,
               const char *text)
{
  const char *plain = text;
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p; p++)
    {
      guchar c = (guchar) *p;
      const char *escape;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;

      /* What needs no escape goes in at once. */
      g_string_append_len (out, plain, p - plain);
      plain = p + 1;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default: escape = NULL; break;
        }

      if (escape != NULL)
        g_string_append (out, escape);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }
  g_string_append_len (out, plain, p - plain);
  g_string_append_c (out, '"');
}

/**
 * pw_json_format_double:
 * @buffer: (out caller-allocates): at least %G_ASCII_DTOSTR_BUF_SIZE bytes
 *
 * Writes @value as a JSON number in its shortest form that reads back as
 * the same double ("2.12", not json-glib's "2.1200000000000001"), with
 * ".0" added when it would otherwise read back as an integer ("100.0") but
 * never after an exponent ("1e+17", where json-glib writes "1e+17.0").
 * Infinities and NaN, which JSON cannot hold, are written as "null".
 *
 * Returns: @buffer
 */
char *
pw_json_format_double (char   *buffer,
                       double  value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };

  if (!isfinite (value))
    return strcpy (buffer, "null");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  if (strpbrk (buffer, ".eE") == NULL)
    strcat (buffer, ".0");

  return buffer;
}

static void
append_indent (GString *out,
               guint    level)
{
  static const char spaces[] = "                                ";
  gsize n = 2 * (gsize) level;

  for (; n > sizeof spaces - 1; n -= sizeof spaces - 1)
    g_string_append_len (out, spaces, sizeof spaces - 1);
  g_string_append_len (out, spaces, (gssize) n);
}

static void append_node (GString  *out,
                         JsonNode *node,
                         guint     level);

static void
append_value (GString  *out,
              JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      g_string_append (out, pw_json_format_double (buffer, json_node_get_double (node)));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      append_string (out, json_node_get_string (node));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The layout of json-glib's pretty printer with an indent of two spaces,
 * empty objects and arrays included, so that files written before keep
 * their bytes. */
static void
append_object (GString    *out,
               JsonObject *object,
               guint       level)
{
  g_autoptr(GList) members = json_object_get_members (object);

  g_string_append_c (out, '{');
  if (members == NULL)
    {
      append_indent (out, level);
      g_string_append_c (out, '}');
      return;
    }

  g_string_append_c (out, '\n');
  for (const GList *l = members; l != NULL; l = l->next)
    {
      append_indent (out, level + 1);
      append_string (out, l->data);
      g_string_append (out, " : ");
      append_node (out, json_object_get_member (object, l->data), level + 1);
      g_string_append (out, l->next != NULL ? ",\n" : "\n");
    }
  append_indent (out, level);
  g_string_append_c (out, '}');
}

static void
append_array (GString   *out,
              JsonArray *array,
              guint      level)
{
  guint length = json_array_get_length (array);

  if (length == 0)
    {
      g_string_append (out, "[]");
      return;
    }

  g_string_append (out, "[\n");
  for (guint i = 0; i < length; i++)
    {
      append_indent (out, level + 1);
      append_node (out, json_array_get_element (array, i), level + 1);
      g_string_append (out, i + 1 < length ? ",\n" : "\n");
    }
  append_indent (out, level);
  g_string_append_c (out, ']');
}

/* Recursion is bounded: trees come from checked files (at most 64 deep)
 * or from our own writers. */
static void
append_node (GString  *out,
             JsonNode *node,
             guint     level)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      append_object (out, json_node_get_object (node), level);
      break;
    case JSON_NODE_ARRAY:
      append_array (out, json_node_get_array (node), level);
      break;
    case JSON_NODE_VALUE:
      append_value (out, node);
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * pw_json_to_bytes:
 *
 * Serializes @root the one way every Phasewise file is written: pretty
 * printed with two spaces, members in the order they were set, a final
 * newline.  The layout is json-glib's, but numbers and strings are written
 * here (pw_json_format_double()): JsonGenerator writes some numbers and
 * control characters in forms that are not JSON, which Phasewise would then
 * refuse to open.
 */
GBytes *
pw_json_to_bytes (JsonNode *root)
{
  GString *out = g_string_sized_new (4096);

  g_return_val_if_fail (root != NULL, NULL);

  append_node (out, root, 0);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
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

  /* pw_json_check() refused a file without a value. */
  root = json_parser_get_root (parser);
  g_assert (root != NULL);

  return json_node_ref (root);
}
