/* pw-framework.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-framework"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pw-error.h"
#include "pw-core-resources.h"
#include "pw-framework-private.h"
#include "pw-json-util.h"
#include "pw-validate.h"

#define FRAMEWORK_RESOURCE "/io/github/phasewise/Phasewise/frameworks/lostinsm.json"
#define MAX_FRAMEWORK_BYTES (8 * 1024 * 1024)
#define MAX_TITLE_CHARS 200
#define MAX_FW_TEXT_CHARS 4000
#define MAX_WEIGHT 100

/**
 * PwFramework:
 *
 * A maturity framework: the five phases, the dimensions with their
 * questions and next steps, and the policy checklist.  A framework is
 * immutable once loaded; it keeps the JSON it was read from so that a
 * workbook can embed an exact snapshot.
 */
struct _PwFramework
{
  GObject      parent_instance;

  char        *id;
  char        *version;
  char        *name;
  char        *description;
  PwPhaseInfo  phases[PW_N_PHASES];
  GPtrArray   *dimensions;         /* PwDimension */
  GHashTable  *dimension_by_id;
  GHashTable  *question_by_id;
  GPtrArray   *policy_categories;  /* PwPolicyCategory */
  GHashTable  *category_by_id;
  GHashTable  *policy_item_by_id;
  JsonNode    *snapshot;
};

G_DEFINE_FINAL_TYPE (PwFramework, pw_framework, G_TYPE_OBJECT)

static void
question_free (PwQuestion *question)
{
  g_free (question->id);
  g_free (question->text);
  g_free (question->help);
  for (guint i = 0; i < PW_N_PHASES; i++)
    g_free (question->options[i]);
  g_free (question);
}

static void
dimension_free (PwDimension *dimension)
{
  g_free (dimension->id);
  g_free (dimension->name);
  g_free (dimension->description);
  for (guint i = 0; i < PW_N_PHASES; i++)
    g_free (dimension->levels[i]);
  for (guint i = 0; i < PW_N_PHASES - 1; i++)
    g_strfreev (dimension->next_steps[i]);
  g_ptr_array_unref (dimension->questions);
  g_free (dimension);
}

static void
policy_item_def_free (PwPolicyItemDef *item)
{
  g_free (item->id);
  g_free (item->title);
  g_free (item->description);
  g_free (item);
}

static void
policy_category_free (PwPolicyCategory *category)
{
  g_free (category->id);
  g_free (category->name);
  g_ptr_array_unref (category->items);
  g_free (category);
}

static void
pw_framework_finalize (GObject *object)
{
  PwFramework *self = (PwFramework *)object;

  g_free (self->id);
  g_free (self->version);
  g_free (self->name);
  g_free (self->description);
  for (guint i = 0; i < PW_N_PHASES; i++)
    {
      g_free (self->phases[i].name);
      g_free (self->phases[i].stage);
      g_free (self->phases[i].summary);
    }
  g_clear_pointer (&self->dimension_by_id, g_hash_table_unref);
  g_clear_pointer (&self->question_by_id, g_hash_table_unref);
  g_clear_pointer (&self->category_by_id, g_hash_table_unref);
  g_clear_pointer (&self->policy_item_by_id, g_hash_table_unref);
  g_clear_pointer (&self->dimensions, g_ptr_array_unref);
  g_clear_pointer (&self->policy_categories, g_ptr_array_unref);
  g_clear_pointer (&self->snapshot, json_node_unref);

  G_OBJECT_CLASS (pw_framework_parent_class)->finalize (object);
}

static void
pw_framework_class_init (PwFrameworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_framework_finalize;
}

static void
pw_framework_init (PwFramework *self)
{
  self->dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify) dimension_free);
  self->dimension_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->question_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->policy_categories =
    g_ptr_array_new_with_free_func ((GDestroyNotify) policy_category_free);
  self->category_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->policy_item_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Framework texts are translated where the translation catalogue has them:
 * the bundled framework's texts are extracted into po/ (see
 * data/frameworks/lostinsm-strings.h), and an older workbook's embedded
 * snapshot is translated wherever its texts are the same.  The snapshot
 * written back to files keeps the original texts. */
static void
translate (char **text)
{
  const char *translated;

  if (*text == NULL || **text == '\0')
    return;

  translated = g_dgettext (GETTEXT_PACKAGE, *text);
  if (translated != *text)
    {
      g_free (*text);
      *text = g_strdup (translated);
    }
}

static void
translate_framework (PwFramework *self)
{
  translate (&self->name);
  translate (&self->description);

  for (guint i = 0; i < PW_N_PHASES; i++)
    {
      translate (&self->phases[i].name);
      translate (&self->phases[i].stage);
      translate (&self->phases[i].summary);
    }

  for (guint d = 0; d < self->dimensions->len; d++)
    {
      PwDimension *dimension = g_ptr_array_index (self->dimensions, d);

      translate (&dimension->name);
      translate (&dimension->description);
      for (guint i = 0; i < PW_N_PHASES; i++)
        translate (&dimension->levels[i]);
      for (guint i = 0; i < PW_N_PHASES - 1; i++)
        for (guint j = 0; dimension->next_steps[i] && dimension->next_steps[i][j]; j++)
          translate (&dimension->next_steps[i][j]);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          translate (&question->text);
          translate (&question->help);
          for (guint i = 0; i < PW_N_PHASES; i++)
            translate (&question->options[i]);
        }
    }

  for (guint c = 0; c < self->policy_categories->len; c++)
    {
      PwPolicyCategory *category = g_ptr_array_index (self->policy_categories, c);

      translate (&category->name);
      for (guint i = 0; i < category->items->len; i++)
        {
          PwPolicyItemDef *item = g_ptr_array_index (category->items, i);

          translate (&item->title);
          translate (&item->description);
        }
    }
}

/* Reads a fixed-length array of non-empty strings into @out. */
static void
read_string_array (PwJsonReader *reader,
                   JsonObject   *object,
                   const char   *member,
                   guint         min_length,
                   guint         max_length,
                   gsize         max_chars,
                   char        **out)
{
  JsonArray *array = pw_json_read_array (reader, object, member, PW_JSON_REQUIRED, 0);
  guint length;

  if (array == NULL)
    return;

  length = json_array_get_length (array);
  if (length < min_length || length > max_length)
    {
      if (min_length == max_length)
        pw_json_reader_problem (reader, member, _("Expected exactly %u entries, found %u"),
                                min_length, length);
      else
        pw_json_reader_problem (reader, member, _("Expected %u to %u entries, found %u"),
                                min_length, max_length, length);
      return;
    }

  pw_json_reader_push_member (reader, member);
  for (guint i = 0; i < length; i++)
    pw_json_read_element_string (reader, array, i, max_chars, &out[i]);
  pw_json_reader_pop (reader);
}

static void
read_phase_cb (PwJsonReader *reader,
               JsonObject   *object,
               guint         index,
               gpointer      user_data)
{
  PwFramework *self = user_data;
  PwPhaseInfo *info = &self->phases[index];
  gint64 phase = 0;

  if (pw_json_read_int (reader, object, "phase", PW_JSON_REQUIRED, 1, PW_N_PHASES, &phase)
      && phase != (gint64) index + 1)
    pw_json_reader_problem (reader, "phase", _("Phases must be numbered 1 to 5 in order"));
  info->phase = (int) index + 1;
  pw_json_read_string (reader, object, "name", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY,
                       MAX_TITLE_CHARS, &info->name);
  pw_json_read_string (reader, object, "stage", PW_JSON_OPTIONAL,
                       MAX_TITLE_CHARS, &info->stage);
  pw_json_read_string (reader, object, "summary", PW_JSON_OPTIONAL,
                       MAX_FW_TEXT_CHARS, &info->summary);
}

static void
read_phases (PwFramework  *self,
             PwJsonReader *reader,
             JsonObject   *root)
{
  JsonArray *phases = pw_json_read_array (reader, root, "phases", PW_JSON_REQUIRED, 0);

  if (phases == NULL)
    return;

  if (json_array_get_length (phases) != PW_N_PHASES)
    {
      pw_json_reader_problem (reader, "phases", _("Expected exactly %u phases, found %u"),
                              PW_N_PHASES, json_array_get_length (phases));
      return;
    }

  pw_json_reader_foreach_object (reader, phases, "phases", read_phase_cb, self);
}

/* What the readers of a dimension's questions and a category's items need. */
typedef struct
{
  PwFramework      *self;
  PwDimension      *dimension;
  PwPolicyCategory *category;
} ReadContext;

static void
read_question_cb (PwJsonReader *reader,
                  JsonObject   *object,
                  guint         index,
                  gpointer      user_data)
{
  ReadContext *context = user_data;
  PwFramework *self = context->self;
  PwDimension *dimension = context->dimension;
  g_autofree char *id = NULL;
  PwQuestion *question;
  gint64 weight = 1;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (g_hash_table_contains (self->question_by_id, id))
    {
      pw_json_reader_problem (reader, "id", _("Duplicate question id “%s”"), id);
      return;
    }

  question = g_new0 (PwQuestion, 1);
  question->id = g_steal_pointer (&id);
  question->dimension = dimension;
  pw_json_read_string (reader, object, "text", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY,
                       MAX_FW_TEXT_CHARS, &question->text);
  pw_json_read_string (reader, object, "help", PW_JSON_OPTIONAL, MAX_FW_TEXT_CHARS,
                       &question->help);
  pw_json_read_int (reader, object, "weight", PW_JSON_OPTIONAL, 1, MAX_WEIGHT, &weight);
  question->weight = (guint) weight;
  read_string_array (reader, object, "options", PW_N_PHASES, PW_N_PHASES,
                     MAX_FW_TEXT_CHARS, question->options);

  g_ptr_array_add (dimension->questions, question);
  g_hash_table_insert (self->question_by_id, question->id, question);
}

static void
read_next_steps (PwJsonReader *reader,
                 PwDimension  *dimension,
                 JsonObject   *object)
{
  JsonArray *steps = pw_json_read_array (reader, object, "next_steps", PW_JSON_REQUIRED, 0);

  if (steps == NULL)
    return;

  if (json_array_get_length (steps) != PW_N_PHASES - 1)
    {
      pw_json_reader_problem (reader, "next_steps",
                              _("Expected exactly %u lists of steps, found %u"),
                              PW_N_PHASES - 1, json_array_get_length (steps));
      return;
    }

  pw_json_reader_push_member (reader, "next_steps");
  for (guint i = 0; i < PW_N_PHASES - 1; i++)
    {
      JsonNode *node = json_array_get_element (steps, i);
      JsonArray *list;
      guint length;

      pw_json_reader_push_index (reader, i);
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          pw_json_reader_problem (reader, NULL, _("Expected an array of steps"));
          pw_json_reader_pop (reader);
          continue;
        }

      list = json_node_get_array (node);
      length = json_array_get_length (list);
      if (length < 1 || length > 10)
        {
          pw_json_reader_problem (reader, NULL, _("Expected 1 to 10 steps, found %u"), length);
          pw_json_reader_pop (reader);
          continue;
        }

      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

        for (guint j = 0; j < length; j++)
          {
            g_autofree char *step = NULL;

            if (pw_json_read_element_string (reader, list, j, MAX_FW_TEXT_CHARS, &step))
              g_strv_builder_add (builder, step);
          }
        dimension->next_steps[i] = g_strv_builder_end (builder);
      }
      pw_json_reader_pop (reader);
    }
  pw_json_reader_pop (reader);
}

static void
read_dimension_cb (PwJsonReader *reader,
                   JsonObject   *object,
                   guint         index,
                   gpointer      user_data)
{
  PwFramework *self = user_data;
  g_autofree char *id = NULL;
  PwDimension *dimension;
  ReadContext context = { self, NULL, NULL };
  JsonArray *questions;
  gint64 weight = 1;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (g_hash_table_contains (self->dimension_by_id, id))
    {
      pw_json_reader_problem (reader, "id", _("Duplicate dimension id “%s”"), id);
      return;
    }

  dimension = g_new0 (PwDimension, 1);
  dimension->id = g_steal_pointer (&id);
  dimension->index = self->dimensions->len;
  dimension->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  g_ptr_array_add (self->dimensions, dimension);
  g_hash_table_insert (self->dimension_by_id, dimension->id, dimension);

  pw_json_read_string (reader, object, "name", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY,
                       MAX_TITLE_CHARS, &dimension->name);
  pw_json_read_string (reader, object, "description", PW_JSON_OPTIONAL,
                       MAX_FW_TEXT_CHARS, &dimension->description);
  pw_json_read_int (reader, object, "weight", PW_JSON_OPTIONAL, 1, MAX_WEIGHT, &weight);
  dimension->weight = (guint) weight;
  read_string_array (reader, object, "levels", PW_N_PHASES, PW_N_PHASES,
                     MAX_FW_TEXT_CHARS, dimension->levels);
  read_next_steps (reader, dimension, object);

  questions = pw_json_read_array (reader, object, "questions", PW_JSON_REQUIRED, 0);
  if (questions == NULL)
    return;

  if (json_array_get_length (questions) < 1 || json_array_get_length (questions) > 30)
    {
      pw_json_reader_problem (reader, "questions", _("Expected 1 to 30 questions, found %u"),
                              json_array_get_length (questions));
      return;
    }

  context.dimension = dimension;
  pw_json_reader_foreach_object (reader, questions, "questions", read_question_cb, &context);
}

static void
read_policy_item_cb (PwJsonReader *reader,
                     JsonObject   *object,
                     guint         index,
                     gpointer      user_data)
{
  ReadContext *context = user_data;
  PwFramework *self = context->self;
  PwPolicyCategory *category = context->category;
  g_autofree char *id = NULL;
  PwPolicyItemDef *item;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (g_hash_table_contains (self->policy_item_by_id, id))
    {
      pw_json_reader_problem (reader, "id", _("Duplicate policy item id “%s”"), id);
      return;
    }

  item = g_new0 (PwPolicyItemDef, 1);
  item->id = g_steal_pointer (&id);
  item->category = category;
  pw_json_read_string (reader, object, "title", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY,
                       MAX_TITLE_CHARS, &item->title);
  pw_json_read_string (reader, object, "description", PW_JSON_OPTIONAL,
                       MAX_FW_TEXT_CHARS, &item->description);
  pw_json_read_bool (reader, object, "core", PW_JSON_OPTIONAL, &item->core);

  g_ptr_array_add (category->items, item);
  g_hash_table_insert (self->policy_item_by_id, item->id, item);
}

static void
read_policy_category_cb (PwJsonReader *reader,
                         JsonObject   *object,
                         guint         index,
                         gpointer      user_data)
{
  PwFramework *self = user_data;
  g_autofree char *id = NULL;
  PwPolicyCategory *category;
  ReadContext context = { self, NULL, NULL };
  JsonArray *items;

  if (!pw_json_read_string (reader, object, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &id))
    return;

  if (g_hash_table_contains (self->category_by_id, id))
    {
      pw_json_reader_problem (reader, "id", _("Duplicate policy category id “%s”"), id);
      return;
    }

  category = g_new0 (PwPolicyCategory, 1);
  category->id = g_steal_pointer (&id);
  category->items = g_ptr_array_new_with_free_func ((GDestroyNotify) policy_item_def_free);
  g_ptr_array_add (self->policy_categories, category);
  g_hash_table_insert (self->category_by_id, category->id, category);

  pw_json_read_string (reader, object, "name", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY,
                       MAX_TITLE_CHARS, &category->name);

  items = pw_json_read_array (reader, object, "items", PW_JSON_REQUIRED, 100);
  if (items == NULL)
    return;

  context.category = category;
  pw_json_reader_foreach_object (reader, items, "items", read_policy_item_cb, &context);
}

static void
read_policy (PwFramework  *self,
             PwJsonReader *reader,
             JsonObject   *root)
{
  JsonObject *policy = pw_json_read_object (reader, root, "policy", PW_JSON_OPTIONAL);
  JsonArray *categories;

  if (policy == NULL)
    return;

  pw_json_reader_push_member (reader, "policy");
  categories = pw_json_read_array (reader, policy, "categories", PW_JSON_REQUIRED, 30);
  if (categories != NULL)
    pw_json_reader_foreach_object (reader, categories, "categories", read_policy_category_cb,
                                   self);
  pw_json_reader_pop (reader);
}

/**
 * _pw_framework_check_format:
 * @path: the JSON path of @object, "$" for a framework file
 *
 * Checks the format name and version before anything else is read, so that
 * a file from a newer Phasewise is refused with a message that says so.
 * Everything else wrong with the two members is left to the reader.
 */
gboolean
_pw_framework_check_format (JsonObject  *object,
                            const char  *path,
                            GError     **error)
{
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = json_object_get_member (object, "format_version");

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format)
      || json_node_get_value_type (format) != G_TYPE_STRING
      || g_strcmp0 (json_node_get_string (format), PW_FRAMEWORK_FORMAT) != 0)
    return TRUE;

  if (version != NULL && JSON_NODE_HOLDS_VALUE (version)
      && json_node_get_value_type (version) == G_TYPE_INT64
      && json_node_get_int (version) > PW_FRAMEWORK_FORMAT_VERSION)
    {
      g_autofree char *place = pw_json_path_append_member (path, "format_version");
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      g_set_error (error, PW_ERROR, PW_ERROR_NEWER_VERSION,
                   /* Translators: the first %s is the place in the file, e.g.
                    * $.format_version; the second the version number found */
                   _("%s: The framework was made by a newer version of Phasewise "
                     "(format version %s; this version reads %d). "
                     "Update Phasewise to open it."),
                   place, number, PW_FRAMEWORK_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

/**
 * _pw_framework_new_from_node:
 * @node: the framework's JSON
 * @reader: where problems are reported, with the path of @node pushed
 *
 * Returns: (transfer full) (nullable): the framework, or %NULL when
 *   @reader has collected any problem
 */
PwFramework *
_pw_framework_new_from_node (JsonNode     *node,
                             PwJsonReader *reader)
{
  g_autoptr(PwFramework) self = NULL;
  guint problems_before = pw_json_reader_n_problems (reader);
  g_autofree char *format = NULL;
  JsonObject *root;
  JsonArray *dimensions;
  gint64 format_version = 0;

  root = pw_json_read_root_object (reader, node);
  if (root == NULL)
    return NULL;

  if (pw_json_read_string (reader, root, "format", PW_JSON_REQUIRED, MAX_TITLE_CHARS, &format)
      && g_strcmp0 (format, PW_FRAMEWORK_FORMAT) != 0)
    {
      g_autofree char *quoted = pw_json_quote_text (format);

      pw_json_reader_problem (reader, "format", _("Not a Phasewise framework (format “%s”)"),
                              quoted);
      return NULL;
    }
  if (pw_json_read_int (reader, root, "format_version", PW_JSON_REQUIRED, 1,
                        PW_FRAMEWORK_FORMAT_VERSION, &format_version) == FALSE)
    return NULL;

  self = g_object_new (PW_TYPE_FRAMEWORK, NULL);
  self->snapshot = json_node_ref (node);

  pw_json_read_string (reader, root, "id", PW_JSON_REQUIRED | PW_JSON_ID, 0, &self->id);
  if (pw_json_read_string (reader, root, "version", PW_JSON_REQUIRED, 32, &self->version)
      && !pw_is_semantic_version (self->version))
    pw_json_reader_problem (reader, "version",
                            _("Not a semantic version (MAJOR.MINOR.PATCH)"));
  pw_json_read_string (reader, root, "name", PW_JSON_REQUIRED | PW_JSON_NON_EMPTY,
                       MAX_TITLE_CHARS, &self->name);
  pw_json_read_string (reader, root, "description", PW_JSON_OPTIONAL, MAX_FW_TEXT_CHARS,
                       &self->description);

  read_phases (self, reader, root);

  dimensions = pw_json_read_array (reader, root, "dimensions", PW_JSON_REQUIRED, 0);
  if (dimensions != NULL)
    {
      guint length = json_array_get_length (dimensions);

      if (length < 1 || length > 30)
        {
          pw_json_reader_problem (reader, "dimensions", _("Expected 1 to 30 dimensions, found %u"),
                                  length);
        }
      else
        {
          pw_json_reader_foreach_object (reader, dimensions, "dimensions", read_dimension_cb,
                                         self);
        }
    }

  read_policy (self, reader, root);

  if (pw_json_reader_n_problems (reader) > problems_before)
    return NULL;

  translate_framework (self);

  return g_steal_pointer (&self);
}

PwFramework *
pw_framework_new_from_bytes (GBytes  *bytes,
                             GError **error)
{
  g_autoptr(PwJsonReader) reader = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(PwFramework) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_bytes_get_size (bytes) > MAX_FRAMEWORK_BYTES)
    {
      g_autofree char *size = g_format_size (MAX_FRAMEWORK_BYTES);

      g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE,
                   /* Translators: the first %s is the place in the file as
                    * line:column, here 1:1; the second a size such as “8.4 MB” */
                   _("%s: A framework file may not be larger than %s"), "1:1", size);
      return NULL;
    }

  root = pw_json_parse_bytes (bytes, error);
  if (root == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (root)
      && !_pw_framework_check_format (json_node_get_object (root), "$", error))
    return NULL;

  reader = pw_json_reader_new ();
  self = _pw_framework_new_from_node (root, reader);
  if (!pw_json_reader_finish (reader, error))
    return NULL;

  return g_steal_pointer (&self);
}

PwFramework *
pw_framework_new_from_file (GFile   *file,
                            GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  return pw_framework_new_from_bytes (bytes, error);
}

/**
 * pw_framework_load_bundled:
 *
 * Returns: (transfer full): the framework that ships with Phasewise
 */
PwFramework *
pw_framework_load_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resource_lookup_data (pw_core_get_resource (), FRAMEWORK_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return pw_framework_new_from_bytes (bytes, error);
}

const char *
pw_framework_get_id (PwFramework *self)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  return self->id;
}

const char *
pw_framework_get_version (PwFramework *self)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  return self->version;
}

const char *
pw_framework_get_name (PwFramework *self)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  return self->name;
}

const char *
pw_framework_get_description (PwFramework *self)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  return self->description;
}

/**
 * pw_framework_get_snapshot:
 *
 * Returns: (transfer none): the JSON this framework was read from
 */
JsonNode *
pw_framework_get_snapshot (PwFramework *self)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  return self->snapshot;
}

const PwPhaseInfo *
pw_framework_get_phase (PwFramework *self,
                        int          phase)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (phase >= 1 && phase <= PW_N_PHASES, NULL);
  return &self->phases[phase - 1];
}

guint
pw_framework_get_n_dimensions (PwFramework *self)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), 0);
  return self->dimensions->len;
}

const PwDimension *
pw_framework_get_dimension (PwFramework *self,
                            guint        index)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->dimensions->len, NULL);
  return g_ptr_array_index (self->dimensions, index);
}

const PwDimension *
pw_framework_find_dimension (PwFramework *self,
                             const char  *id)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  return id ? g_hash_table_lookup (self->dimension_by_id, id) : NULL;
}

guint
pw_framework_get_n_questions (PwFramework *self)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), 0);
  return g_hash_table_size (self->question_by_id);
}

const PwQuestion *
pw_framework_find_question (PwFramework *self,
                            const char  *id)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  return id ? g_hash_table_lookup (self->question_by_id, id) : NULL;
}

guint
pw_framework_get_n_policy_categories (PwFramework *self)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), 0);
  return self->policy_categories->len;
}

const PwPolicyCategory *
pw_framework_get_policy_category (PwFramework *self,
                                  guint        index)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (index < self->policy_categories->len, NULL);
  return g_ptr_array_index (self->policy_categories, index);
}

const PwPolicyCategory *
pw_framework_find_policy_category (PwFramework *self,
                                   const char  *id)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  return id ? g_hash_table_lookup (self->category_by_id, id) : NULL;
}

const PwPolicyItemDef *
pw_framework_find_policy_item (PwFramework *self,
                               const char  *id)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), NULL);
  return id ? g_hash_table_lookup (self->policy_item_by_id, id) : NULL;
}
