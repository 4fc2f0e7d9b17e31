/* pw-json-util.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-json-util"

#include "config.h"

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

  /* pw_json_check() refused a file without a value. */
  root = json_parser_get_root (parser);
  g_assert (root != NULL);

  return json_node_ref (root);
}
