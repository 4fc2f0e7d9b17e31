/* pw-framework.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-framework"

#include "config.h"

#include <math.h>

#include "pw-framework-private.h"

/**
 * PwFramework:
 *
 * A maturity framework: the five phases, the dimensions with their
 * questions and next steps, and the policy checklist.  A framework is
 * immutable once loaded; it keeps the JSON it was read from so that a
 * workbook can embed an exact snapshot.
 */
G_DEFINE_FINAL_TYPE (PwFramework, pw_framework, G_TYPE_OBJECT)

static void
question_free (PwQuestion *question)
{
  g_free (question->id);
  g_free (question->text);
  g_free (question->help);
  for (guint i = 0; i < PW_N_PHASES; i++)
    g_free (question->options[i]);
  g_free (question->not_applicable);
  g_free (question->evidence);
  g_strfreev (question->replaces);
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
    {
      g_strfreev (dimension->next_steps[i]);
      g_strfreev (dimension->done_when[i]);
    }
  g_ptr_array_unref (dimension->questions);
  g_free (dimension);
}

static void
policy_item_def_free (PwPolicyItemDef *item)
{
  g_free (item->id);
  g_free (item->title);
  g_free (item->description);
  g_free (item->evidence);
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

/**
 * _pw_framework_new:
 * @snapshot: the JSON the framework is read from
 *
 * Returns: (transfer full): an empty framework, for the reader to fill
 */
PwFramework *
_pw_framework_new (JsonNode *snapshot)
{
  PwFramework *self = g_object_new (PW_TYPE_FRAMEWORK, NULL);

  self->snapshot = json_node_ref (snapshot);

  return self;
}

/**
 * _pw_framework_add_dimension:
 * @id: an id no dimension has yet
 *
 * Returns: (transfer none): a new, empty dimension after the others
 */
PwDimension *
_pw_framework_add_dimension (PwFramework *self,
                             const char  *id)
{
  PwDimension *dimension;

  g_assert (pw_framework_find_dimension (self, id) == NULL);

  dimension = g_new0 (PwDimension, 1);
  dimension->id = g_strdup (id);
  dimension->index = self->dimensions->len;
  dimension->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
  g_ptr_array_add (self->dimensions, dimension);
  g_hash_table_insert (self->dimension_by_id, dimension->id, dimension);

  return dimension;
}

/**
 * _pw_framework_add_question:
 * @id: an id no question of the framework has yet
 *
 * Returns: (transfer none): a new, empty question, the last of @dimension
 */
PwQuestion *
_pw_framework_add_question (PwFramework *self,
                            PwDimension *dimension,
                            const char  *id)
{
  PwQuestion *question;

  g_assert (pw_framework_find_question (self, id) == NULL);

  question = g_new0 (PwQuestion, 1);
  question->id = g_strdup (id);
  question->dimension = dimension;
  g_ptr_array_add (dimension->questions, question);
  g_hash_table_insert (self->question_by_id, question->id, question);

  return question;
}

/**
 * _pw_framework_add_policy_category:
 * @id: an id no category has yet
 *
 * Returns: (transfer none): a new, empty category after the others
 */
PwPolicyCategory *
_pw_framework_add_policy_category (PwFramework *self,
                                   const char  *id)
{
  PwPolicyCategory *category;

  g_assert (pw_framework_find_policy_category (self, id) == NULL);

  category = g_new0 (PwPolicyCategory, 1);
  category->id = g_strdup (id);
  category->items = g_ptr_array_new_with_free_func ((GDestroyNotify) policy_item_def_free);
  g_ptr_array_add (self->policy_categories, category);
  g_hash_table_insert (self->category_by_id, category->id, category);

  return category;
}

/**
 * _pw_framework_add_policy_item:
 * @id: an id no policy item of the framework has yet
 *
 * Returns: (transfer none): a new, empty item, the last of @category
 */
PwPolicyItemDef *
_pw_framework_add_policy_item (PwFramework      *self,
                               PwPolicyCategory *category,
                               const char       *id)
{
  PwPolicyItemDef *item;

  g_assert (pw_framework_find_policy_item (self, id) == NULL);

  item = g_new0 (PwPolicyItemDef, 1);
  item->id = g_strdup (id);
  item->category = category;
  g_ptr_array_add (category->items, item);
  g_hash_table_insert (self->policy_item_by_id, item->id, item);

  return item;
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

/**
 * _pw_framework_translate:
 *
 * Translates the texts of a framework just read.
 */
void
_pw_framework_translate (PwFramework *self)
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
          {
            translate (&dimension->next_steps[i][j]);
            translate (&dimension->done_when[i][j]);
          }

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          PwQuestion *question = g_ptr_array_index (dimension->questions, q);

          translate (&question->text);
          translate (&question->help);
          for (guint i = 0; i < PW_N_PHASES; i++)
            translate (&question->options[i]);
          translate (&question->not_applicable);
          translate (&question->evidence);
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
          translate (&item->evidence);
        }
    }
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
 * pw_framework_get_format_version:
 *
 * Returns: the `format_version` the framework was written in, 1 or 2
 */
int
pw_framework_get_format_version (PwFramework *self)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), 0);
  return self->format_version;
}

/**
 * pw_framework_get_phase_rule:
 *
 * Returns: how the framework turns a score into a phase: the whole part
 *   (every framework of format version 1) or the nearest phase
 */
PwPhaseRule
pw_framework_get_phase_rule (PwFramework *self)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), PW_PHASE_RULE_WHOLE_PART);
  return self->phase_rule;
}

/**
 * pw_framework_phase_for_score:
 *
 * Returns: the phase of @score under the framework's phase rule
 */
int
pw_framework_phase_for_score (PwFramework *self,
                              double       score)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), 1);
  return pw_phase_rule_phase_for_score (self->phase_rule, score);
}

/* A tiny tolerance so that a mean such as 2.9999999999999996, which is 3
 * in exact arithmetic, lands where 3 does, and 3.5000000000000004 where 3.5
 * does. */
#define SCORE_TOLERANCE 1e-9

/**
 * pw_phase_rule_phase_for_score:
 *
 * Returns: the phase of @score under @rule, 1 to 5
 */
int
pw_phase_rule_phase_for_score (PwPhaseRule rule,
                               double      score)
{
  int phase;

  if (rule == PW_PHASE_RULE_NEAREST)
    phase = (int) ceil (score - 0.5 - SCORE_TOLERANCE);  /* 3.5 → 3, 3.51 → 4 */
  else
    phase = (int) floor (score + SCORE_TOLERANCE);

  return CLAMP (phase, 1, PW_N_PHASES);
}

/* The span of scores that @rule gives @phase: [low, high] */
static void
phase_span (PwPhaseRule  rule,
            int          phase,
            double      *low,
            double      *high)
{
  if (rule == PW_PHASE_RULE_NEAREST)
    {
      *low = MAX (1.0, phase - 0.5);
      *high = MIN ((double) PW_N_PHASES, phase + 0.5);
    }
  else
    {
      *low = phase;
      *high = MIN ((double) PW_N_PHASES, phase + 1.0);
    }
}

/**
 * pw_phase_rule_top_of_phase:
 *
 * The highest score that @rule still counts as @phase, to one decimal, as
 * the governance cap holds a score: 3.9 under the whole-part rule, 3.5
 * under the nearest.
 *
 * Returns: the score
 */
double
pw_phase_rule_top_of_phase (PwPhaseRule rule,
                            int         phase)
{
  double low, high;

  phase_span (rule, CLAMP (phase, 1, PW_N_PHASES), &low, &high);
  if (rule == PW_PHASE_RULE_NEAREST || phase >= PW_N_PHASES)
    return high;

  return high - 0.1;
}

/**
 * pw_phase_rule_position:
 *
 * Where @score lies within its phase under @rule: 0 at the lowest score
 * the phase takes, 1 at the highest (phase 5 of the whole-part rule, a
 * single score, is 1).
 *
 * Returns: the position, 0 to 1
 */
double
pw_phase_rule_position (PwPhaseRule rule,
                        double      score)
{
  int phase = pw_phase_rule_phase_for_score (rule, score);
  double low, high;

  phase_span (rule, phase, &low, &high);
  if (high - low < SCORE_TOLERANCE)
    return 1.0;

  return CLAMP ((score - low) / (high - low), 0.0, 1.0);
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

/**
 * pw_framework_differs_from_bundled:
 *
 * Returns: whether this framework, read from a workbook, names the bundled
 *   framework's id and version but is not the same: weights, core policy
 *   items or texts were changed.  Its results are then not those of the
 *   framework it names, and what shows them says so.
 */
gboolean
pw_framework_differs_from_bundled (PwFramework *self)
{
  g_return_val_if_fail (PW_IS_FRAMEWORK (self), FALSE);
  return self->differs_from_bundled;
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
