/* pw-migration.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-migration"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "pw-error.h"
#include "pw-migration.h"
#include "pw-validate.h"
#include "pw-workbook-io.h"

/*
 * Moving a workbook to a newer version of its framework.
 *
 * Nothing changes until the user asks: a PwMigration is a plan, worked out
 * whole before anything happens — which questions are unchanged, reworded,
 * new or retired, and every assessment's results before and after — and
 * the migrated workbook itself, a new object built from the old one's file.
 * The document swaps it in as one step that undo takes back
 * (pw_document_migrate()); the command line writes it out.
 *
 * Answers move by the mapping the new framework declares: each question
 * names in `replaces` the ids of the old questions whose answers it takes.
 * A question takes the answer of the first of them that has one; an old
 * answer no question takes — its question retired, or merged and another's
 * answer taken — is kept in the assessment's `retired_answers`, with its
 * question's text and version, never dropped.
 */

struct _PwMigration
{
  GObject      parent_instance;

  PwWorkbook  *workbook;
  PwFramework *old_framework;
  PwFramework *new_framework;
  PwWorkbook  *result;
  GArray      *questions;    /* PwMigrationQuestion */
  GArray      *assessments;  /* PwMigrationAssessment */
};

G_DEFINE_FINAL_TYPE (PwMigration, pw_migration, G_TYPE_OBJECT)

static void
migration_question_clear (PwMigrationQuestion *question)
{
  g_clear_pointer (&question->old_ids, g_strfreev);
}

static void
migration_assessment_clear (PwMigrationAssessment *assessment)
{
  g_clear_object (&assessment->assessment);
  g_clear_pointer (&assessment->before, pw_score_free);
  g_clear_pointer (&assessment->after, pw_score_free);
}

static void
pw_migration_finalize (GObject *object)
{
  PwMigration *self = (PwMigration *)object;

  g_clear_object (&self->workbook);
  g_clear_object (&self->old_framework);
  g_clear_object (&self->new_framework);
  g_clear_object (&self->result);
  g_clear_pointer (&self->questions, g_array_unref);
  g_clear_pointer (&self->assessments, g_array_unref);

  G_OBJECT_CLASS (pw_migration_parent_class)->finalize (object);
}

static void
pw_migration_class_init (PwMigrationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pw_migration_finalize;
}

static void
pw_migration_init (PwMigration *self)
{
  self->questions = g_array_new (FALSE, TRUE, sizeof (PwMigrationQuestion));
  g_array_set_clear_func (self->questions, (GDestroyNotify) migration_question_clear);
  self->assessments = g_array_new (FALSE, TRUE, sizeof (PwMigrationAssessment));
  g_array_set_clear_func (self->assessments, (GDestroyNotify) migration_assessment_clear);
}

/**
 * pw_compare_versions:
 * @a: a semantic version
 * @b: a semantic version
 *
 * Returns: less than, equal to or greater than zero as @a is older than,
 *   the same as or newer than @b
 */
int
pw_compare_versions (const char *a,
                     const char *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  for (int part = 0; part < 3; part++)
    {
      guint64 x = g_ascii_strtoull (a, (char **) &a, 10);
      guint64 y = g_ascii_strtoull (b, (char **) &b, 10);

      if (x != y)
        return x < y ? -1 : 1;
      if (*a == '.')
        a++;
      if (*b == '.')
        b++;
    }

  return 0;
}

/**
 * pw_migration_is_available:
 * @target: the framework to migrate to, usually the bundled one
 *
 * Returns: whether @workbook was answered against an older version of
 *   @target (the same framework id, a lower version)
 */
gboolean
pw_migration_is_available (PwWorkbook  *workbook,
                           PwFramework *target)
{
  PwFramework *framework;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (PW_IS_FRAMEWORK (target), FALSE);

  framework = pw_workbook_get_framework (workbook);

  return g_strcmp0 (pw_framework_get_id (framework), pw_framework_get_id (target)) == 0
         && pw_compare_versions (pw_framework_get_version (framework),
                                 pw_framework_get_version (target)) < 0;
}

static gboolean
same_question (const PwQuestion *a,
               const PwQuestion *b)
{
  if (g_strcmp0 (a->id, b->id) != 0
      || g_strcmp0 (a->text, b->text) != 0
      || g_strcmp0 (a->help, b->help) != 0
      || a->weight != b->weight)
    return FALSE;

  for (guint i = 0; i < PW_N_PHASES; i++)
    if (g_strcmp0 (a->options[i], b->options[i]) != 0)
      return FALSE;

  return TRUE;
}

static void
plan_questions (PwMigration *self)
{
  g_autoptr(GHashTable) replaced = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint d = 0; d < pw_framework_get_n_dimensions (self->new_framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (self->new_framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
          g_autoptr(GStrvBuilder) old_ids = g_strv_builder_new ();
          PwMigrationQuestion entry = { PW_QUESTION_NEW, question, NULL, NULL };
          guint n_old = 0;

          for (guint i = 0; question->replaces && question->replaces[i]; i++)
            {
              const PwQuestion *old = pw_framework_find_question (self->old_framework,
                                                                  question->replaces[i]);

              if (old == NULL)
                continue;

              g_strv_builder_add (old_ids, old->id);
              g_hash_table_add (replaced, old->id);
              if (entry.old_question == NULL)
                entry.old_question = old;
              n_old++;
            }

          entry.old_ids = g_strv_builder_end (old_ids);
          if (n_old == 1 && same_question (entry.old_question, question))
            entry.change = PW_QUESTION_UNCHANGED;
          else if (n_old > 0)
            entry.change = PW_QUESTION_REWORDED;

          g_array_append_val (self->questions, entry);
        }
    }

  for (guint d = 0; d < pw_framework_get_n_dimensions (self->old_framework); d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (self->old_framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *old = g_ptr_array_index (dimension->questions, q);
          PwMigrationQuestion entry = { PW_QUESTION_RETIRED, NULL, old, NULL };
          const char *ids[] = { old->id, NULL };

          if (g_hash_table_contains (replaced, old->id))
            continue;

          entry.old_ids = g_strdupv ((char **) ids);
          g_array_append_val (self->questions, entry);
        }
    }
}

/* The untranslated questions of a snapshot, by id, as the file has them. */
static GHashTable *
index_snapshot_questions (PwFramework *framework)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root = json_node_get_object (pw_framework_get_snapshot (framework));
  JsonArray *dimensions = json_object_get_array_member (root, "dimensions");

  for (guint d = 0; d < json_array_get_length (dimensions); d++)
    {
      JsonObject *dimension = json_array_get_object_element (dimensions, d);
      JsonArray *questions = json_object_get_array_member (dimension, "questions");

      for (guint q = 0; q < json_array_get_length (questions); q++)
        {
          JsonObject *question = json_array_get_object_element (questions, q);

          g_hash_table_insert (index, (gpointer) json_object_get_string_member (question, "id"),
                               question);
        }
    }

  return index;
}

static JsonObject *
retired_member (JsonObject *answer,
                JsonObject *question,
                const char *version)
{
  JsonObject *member = json_object_new ();
  JsonNode *value = json_object_get_member (answer, "value");
  g_autoptr(GList) names = json_object_get_members (answer);

  for (const GList *l = names; l != NULL; l = l->next)
    json_object_set_member (member, l->data,
                            json_node_copy (json_object_get_member (answer, l->data)));

  json_object_set_string_member (member, "framework_version", version);
  json_object_set_string_member (member, "question",
                                 json_object_get_string_member (question, "text"));
  if (value != NULL && JSON_NODE_HOLDS_VALUE (value)
      && json_node_get_value_type (value) == G_TYPE_INT64)
    {
      JsonArray *options = json_object_get_array_member (question, "options");
      gint64 phase = json_node_get_int (value);

      if (phase >= 1 && phase <= (gint64) json_array_get_length (options))
        json_object_set_string_member (member, "option",
                                       json_array_get_string_element (options, (guint) phase - 1));
    }

  return member;
}

/* Moves one assessment's answers by the mapping, in its JSON. */
static void
migrate_assessment (PwMigration *self,
                    JsonObject  *object,
                    GHashTable  *old_questions,
                    guint       *moved,
                    guint       *retired_count)
{
  JsonObject *old_answers = json_object_has_member (object, "answers")
                            ? json_object_get_object_member (object, "answers") : NULL;
  g_autoptr(JsonObject) answers = json_object_new ();
  g_autoptr(JsonObject) retired = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  const char *version = pw_framework_get_version (self->old_framework);
  g_autoptr(GList) names = NULL;

  if (json_object_has_member (object, "retired_answers"))
    retired = json_object_ref (json_object_get_object_member (object, "retired_answers"));
  else
    retired = json_object_new ();

  for (guint i = 0; i < self->questions->len && old_answers != NULL; i++)
    {
      const PwMigrationQuestion *entry = &g_array_index (self->questions, PwMigrationQuestion, i);

      if (entry->question == NULL)
        continue;

      for (guint j = 0; entry->old_ids[j] != NULL; j++)
        {
          const char *old_id = entry->old_ids[j];

          if (!json_object_has_member (old_answers, old_id))
            continue;

          json_object_set_member (answers, entry->question->id,
                                  json_node_copy (json_object_get_member (old_answers, old_id)));
          g_hash_table_add (taken, (gpointer) old_id);
          (*moved)++;
          break;
        }
    }

  if (old_answers != NULL)
    names = json_object_get_members (old_answers);
  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *old_id = l->data;
      JsonObject *question = g_hash_table_lookup (old_questions, old_id);
      g_autofree char *key = NULL;

      if (g_hash_table_contains (taken, old_id) || question == NULL)
        continue;

      /* An answer retired by an earlier migration under the same id stays:
       * this one is kept beside it, under the id and version */
      key = json_object_has_member (retired, old_id)
            ? g_strdup_printf ("%s.%s", old_id, version) : g_strdup (old_id);
      json_object_set_object_member (retired, key,
                                     retired_member (json_object_get_object_member (old_answers,
                                                                                    old_id),
                                                     question, version));
      (*retired_count)++;
    }

  json_object_set_object_member (object, "answers", json_object_ref (answers));
  if (json_object_get_size (retired) > 0)
    json_object_set_object_member (object, "retired_answers", json_object_ref (retired));
}

static gboolean
check_policy (PwMigration  *self,
              JsonObject   *root,
              GError      **error)
{
  JsonObject *policy, *items;
  g_autoptr(GList) names = NULL;

  if (!json_object_has_member (root, "policy"))
    return TRUE;
  policy = json_object_get_object_member (root, "policy");
  if (!json_object_has_member (policy, "items"))
    return TRUE;

  items = json_object_get_object_member (policy, "items");
  names = json_object_get_members (items);
  for (const GList *l = names; l != NULL; l = l->next)
    if (pw_framework_find_policy_item (self->new_framework, l->data) == NULL)
      {
        g_set_error (error, PW_ERROR, PW_ERROR_INVALID,
                     /* Translators: %s is a policy item's id, the version a number such as 2.0.0 */
                     _("Version %s of the framework has no policy item “%s”, which this workbook "
                       "records: it cannot be migrated without losing that item’s state."),
                     pw_framework_get_version (self->new_framework), (const char *) l->data);
        return FALSE;
      }

  return TRUE;
}

static gboolean
build_result (PwMigration  *self,
              GError      **error)
{
  g_autoptr(GBytes) bytes = pw_workbook_serialize (self->workbook);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GHashTable) old_questions = index_snapshot_questions (self->old_framework);
  g_autoptr(GBytes) migrated = NULL;
  JsonObject *root;
  JsonArray *assessments;
  char *text;
  gsize length;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), error))
    return FALSE;

  root = json_node_get_object (json_parser_get_root (parser));
  if (!check_policy (self, root, error))
    return FALSE;

  json_object_set_member (root, "framework",
                          json_node_copy (pw_framework_get_snapshot (self->new_framework)));

  assessments = json_object_get_array_member (root, "assessments");
  for (guint i = 0; i < json_array_get_length (assessments); i++)
    {
      PwMigrationAssessment *entry = &g_array_index (self->assessments,
                                                     PwMigrationAssessment, i);

      migrate_assessment (self, json_array_get_object_element (assessments, i), old_questions,
                          &entry->moved, &entry->retired);
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  migrated = g_bytes_new_take (text, length);

  self->result = pw_workbook_load_from_bytes (migrated, error);
  return self->result != NULL;
}

static void
score_assessments (PwMigration *self)
{
  GListModel *old_list = pw_workbook_get_assessments (self->workbook);
  GListModel *new_list = pw_workbook_get_assessments (self->result);

  g_assert (g_list_model_get_n_items (old_list) == g_list_model_get_n_items (new_list));

  for (guint i = 0; i < self->assessments->len; i++)
    {
      PwMigrationAssessment *entry = &g_array_index (self->assessments, PwMigrationAssessment, i);
      g_autoptr(PwAssessment) migrated = g_list_model_get_item (new_list, i);

      entry->before = pw_score_compute (self->old_framework, entry->assessment,
                                        pw_workbook_get_policy (self->workbook));
      entry->after = pw_score_compute (self->new_framework, migrated,
                                       pw_workbook_get_policy (self->result));
    }
}

/**
 * pw_migration_new:
 * @workbook: the workbook; it is not changed
 * @target: the newer version of @workbook's framework
 * @error: where a workbook that cannot be migrated is reported
 *
 * Works out the migration of @workbook to @target whole: the fate of every
 * question, the migrated workbook (pw_migration_get_result()) and every
 * assessment's results before and after.
 *
 * Returns: (transfer full) (nullable): the migration, or %NULL with @error
 *   set when @target is not a newer version of @workbook's framework, or the
 *   workbook cannot be migrated without losing something
 */
PwMigration *
pw_migration_new (PwWorkbook   *workbook,
                  PwFramework  *target,
                  GError      **error)
{
  g_autoptr(PwMigration) self = NULL;
  GListModel *assessments;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (PW_IS_FRAMEWORK (target), NULL);

  if (!pw_migration_is_available (workbook, target))
    {
      PwFramework *framework = pw_workbook_get_framework (workbook);

      g_set_error (error, PW_ERROR, PW_ERROR_INVALID,
                   /* Translators: the first two %s are a framework's name and version, the
                    * last two those of the framework Phasewise would migrate to */
                   _("The workbook’s framework, %s %s, is not an older version of %s %s: "
                     "there is nothing to migrate."),
                   pw_framework_get_name (framework), pw_framework_get_version (framework),
                   pw_framework_get_name (target), pw_framework_get_version (target));
      return NULL;
    }

  self = g_object_new (PW_TYPE_MIGRATION, NULL);
  self->workbook = g_object_ref (workbook);
  self->old_framework = g_object_ref (pw_workbook_get_framework (workbook));
  self->new_framework = g_object_ref (target);

  plan_questions (self);

  assessments = pw_workbook_get_assessments (workbook);
  for (guint i = 0; i < g_list_model_get_n_items (assessments); i++)
    {
      PwMigrationAssessment entry = { g_list_model_get_item (assessments, i), NULL, NULL, 0, 0 };

      g_array_append_val (self->assessments, entry);
    }

  if (!build_result (self, error))
    return NULL;

  score_assessments (self);

  return g_steal_pointer (&self);
}

/**
 * pw_migration_get_workbook:
 *
 * Returns: (transfer none): the workbook as it is, before the migration
 */
PwWorkbook *
pw_migration_get_workbook (PwMigration *self)
{
  g_return_val_if_fail (PW_IS_MIGRATION (self), NULL);
  return self->workbook;
}

/**
 * pw_migration_get_result:
 *
 * Returns: (transfer none): the migrated workbook, a new object answered
 *   against the new framework
 */
PwWorkbook *
pw_migration_get_result (PwMigration *self)
{
  g_return_val_if_fail (PW_IS_MIGRATION (self), NULL);
  return self->result;
}

/**
 * pw_migration_get_old_framework:
 *
 * Returns: (transfer none): the framework the workbook was answered against
 */
PwFramework *
pw_migration_get_old_framework (PwMigration *self)
{
  g_return_val_if_fail (PW_IS_MIGRATION (self), NULL);
  return self->old_framework;
}

/**
 * pw_migration_get_new_framework:
 *
 * Returns: (transfer none): the framework the workbook moves to
 */
PwFramework *
pw_migration_get_new_framework (PwMigration *self)
{
  g_return_val_if_fail (PW_IS_MIGRATION (self), NULL);
  return self->new_framework;
}

/**
 * pw_migration_get_n_questions:
 *
 * Returns: how many questions the plan lists: every question of the new
 *   framework in its order, then the retired ones in the old order
 */
guint
pw_migration_get_n_questions (PwMigration *self)
{
  g_return_val_if_fail (PW_IS_MIGRATION (self), 0);
  return self->questions->len;
}

const PwMigrationQuestion *
pw_migration_get_question (PwMigration *self,
                           guint        index)
{
  g_return_val_if_fail (PW_IS_MIGRATION (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);
  return &g_array_index (self->questions, PwMigrationQuestion, index);
}

/**
 * pw_migration_count_questions:
 *
 * Returns: how many questions undergo @change
 */
guint
pw_migration_count_questions (PwMigration      *self,
                              PwQuestionChange  change)
{
  guint count = 0;

  g_return_val_if_fail (PW_IS_MIGRATION (self), 0);

  for (guint i = 0; i < self->questions->len; i++)
    if (g_array_index (self->questions, PwMigrationQuestion, i).change == change)
      count++;

  return count;
}

guint
pw_migration_get_n_assessments (PwMigration *self)
{
  g_return_val_if_fail (PW_IS_MIGRATION (self), 0);
  return self->assessments->len;
}

/**
 * pw_migration_get_assessment:
 *
 * Returns: an assessment of the workbook, in the workbook's order, with its
 *   results before and after
 */
const PwMigrationAssessment *
pw_migration_get_assessment (PwMigration *self,
                             guint        index)
{
  g_return_val_if_fail (PW_IS_MIGRATION (self), NULL);
  g_return_val_if_fail (index < self->assessments->len, NULL);
  return &g_array_index (self->assessments, PwMigrationAssessment, index);
}
