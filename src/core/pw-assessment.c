/* pw-assessment.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-assessment"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "pw-enums.h"
#include "pw-assessment.h"
#include "pw-framework.h"
#include "pw-utils-private.h"
#include "pw-validate.h"

/**
 * PwAssessment:
 *
 * One assessment: its scope (the whole organization, or one team of the
 * map), date, round label, facilitator, number of participants, and the
 * answers, keyed by question id.  Assessments of the same scope over time
 * form its history.
 */
struct _PwAssessment
{
  GObject parent_instance;

  char *id;
  char *team_id;
  char *date;
  char *round;
  char *facilitator;
  int participants;
  gboolean hide_phases;
  GHashTable *answers;  /* question id → PwAnswer */
  GPtrArray *retired;   /* PwRetiredAnswer, in the order of the file */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (PwAssessment, pw_assessment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEAM_ID,
  PROP_DATE,
  PROP_ROUND,
  PROP_FACILITATOR,
  PROP_PARTICIPANTS,
  PROP_HIDE_PHASES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
pw_assessment_finalize (GObject *object)
{
  PwAssessment *self = (PwAssessment *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->team_id, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->round, g_free);
  g_clear_pointer (&self->facilitator, g_free);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  g_clear_pointer (&self->retired, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_assessment_parent_class)->finalize (object);
}

static void
pw_assessment_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PwAssessment *self = PW_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TEAM_ID:
      g_value_set_string (value, self->team_id);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_ROUND:
      g_value_set_string (value, self->round);
      break;

    case PROP_FACILITATOR:
      g_value_set_string (value, self->facilitator);
      break;

    case PROP_PARTICIPANTS:
      g_value_set_int (value, self->participants);
      break;

    case PROP_HIDE_PHASES:
      g_value_set_boolean (value, self->hide_phases);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_assessment_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PwAssessment *self = PW_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_string (value) ? g_value_dup_string (value) : NULL;
      break;

    case PROP_TEAM_ID:
      pw_assessment_set_team_id (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      pw_assessment_set_date (self, g_value_get_string (value));
      break;

    case PROP_ROUND:
      pw_assessment_set_round (self, g_value_get_string (value));
      break;

    case PROP_FACILITATOR:
      pw_assessment_set_facilitator (self, g_value_get_string (value));
      break;

    case PROP_PARTICIPANTS:
      pw_assessment_set_participants (self, g_value_get_int (value));
      break;

    case PROP_HIDE_PHASES:
      pw_assessment_set_hide_phases (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_assessment_class_init (PwAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_assessment_finalize;
  object_class->get_property = pw_assessment_get_property;
  object_class->set_property = pw_assessment_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_CONSTRUCT_ONLY));

  properties [PROP_TEAM_ID] =
    g_param_spec_string ("team-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_ROUND] =
    g_param_spec_string ("round", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_FACILITATOR] =
    g_param_spec_string ("facilitator", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties [PROP_PARTICIPANTS] =
    g_param_spec_int ("participants", NULL, NULL,
                      0, 100000, 0,
                      (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  /**
   * PwAssessment:hide-phases:
   *
   * Whether the assessment is answered “blind”: the options of each
   * question are shown in a shuffled order (pw_assessment_get_option_order())
   * and without their phases, so that the ladder does not steer the
   * answers.  The result shows the phases as usual.
   */
  properties [PROP_HIDE_PHASES] =
    g_param_spec_boolean ("hide-phases", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PwAssessment::changed:
   * @self: the assessment
   * @answer: (nullable): the answer that changed, or %NULL for a property
   *
   * Emitted after any property or any answer of the assessment changed.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, PW_TYPE_ANSWER);
}

static void
emit_changed_cb (PwAssessment *self,
                 GParamSpec   *pspec,
                 gpointer      user_data)
{
  g_signal_emit (self, signals [CHANGED], 0, NULL);
}

static void
pw_assessment_init (PwAssessment *self)
{
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_signal_connect (self, "notify", G_CALLBACK (emit_changed_cb), NULL);
}

PwAssessment *
pw_assessment_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (PW_TYPE_ASSESSMENT, "id", id, NULL);
}

static void
answer_notify_cb (PwAssessment *self,
                  GParamSpec   *pspec,
                  PwAnswer     *answer)
{
  g_signal_emit (self, signals [CHANGED], 0, answer);
}

/**
 * pw_assessment_lookup_answer:
 *
 * Returns: (transfer none) (nullable): the answer to @question_id, if any
 */
PwAnswer *
pw_assessment_lookup_answer (PwAssessment *self,
                             const char   *question_id)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return g_hash_table_lookup (self->answers, question_id);
}

/**
 * pw_assessment_ensure_answer:
 *
 * Returns: (transfer none): the answer to @question_id, created empty when
 *   there was none yet.  Changes to it emit #PwAssessment::changed.
 */
PwAnswer *
pw_assessment_ensure_answer (PwAssessment *self,
                             const char   *question_id)
{
  PwAnswer *answer;

  g_return_val_if_fail (PW_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  answer = g_hash_table_lookup (self->answers, question_id);
  if (answer != NULL)
    return answer;

  answer = pw_answer_new (question_id);
  g_hash_table_insert (self->answers, (gpointer) pw_answer_get_question_id (answer), answer);
  g_signal_connect_object (answer, "notify", G_CALLBACK (answer_notify_cb), self,
                           G_CONNECT_SWAPPED);

  return answer;
}

guint
pw_assessment_get_n_answers (PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), 0);

  return g_hash_table_size (self->answers);
}

/**
 * pw_assessment_same_scope:
 *
 * Returns: %TRUE when both assessments look at the same part of the
 *   organization, so that they are rounds of one history
 */
gboolean
pw_assessment_same_scope (PwAssessment *self,
                          PwAssessment *other)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PW_IS_ASSESSMENT (other), FALSE);

  return g_strcmp0 (self->team_id, other->team_id) == 0;
}

/**
 * pw_assessment_is_stale:
 * @today: the day to judge by
 *
 * An assessment is stale when it is dated more than twelve months before
 * @today: 2025-03-01 is stale from 2026-03-02 on.  An assessment without a
 * date is not stale: there is nothing to judge by.
 *
 * Returns: whether the assessment is older than twelve months
 */
gboolean
pw_assessment_is_stale (PwAssessment *self,
                        const GDate  *today)
{
  g_autoptr(GDate) limit = NULL;
  GDate date;
  int year, month, day;

  g_return_val_if_fail (PW_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (self->date == NULL || sscanf (self->date, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  limit = g_date_copy (today);
  g_date_subtract_months (limit, 12);

  return g_date_compare (&date, limit) < 0;
}

const char *
pw_assessment_get_id (PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), NULL);

  return self->id;
}

const char *
pw_assessment_get_team_id (PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), NULL);

  return self->team_id;
}

void
pw_assessment_set_team_id (PwAssessment *self,
                           const char   *team_id)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (_pw_set_str (&self->team_id, team_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEAM_ID]);
}

const char *
pw_assessment_get_date (PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), NULL);

  return self->date;
}

void
pw_assessment_set_date (PwAssessment *self,
                        const char   *date)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (_pw_set_str (&self->date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DATE]);
}

const char *
pw_assessment_get_round (PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), NULL);

  return self->round;
}

/**
 * pw_assessment_set_round:
 * @round: (nullable): the round label: "Round 2", "Baseline"
 *
 * Sets the round label, cut to %PW_MAX_NAME_CHARS characters: a workbook
 * file holds no longer one.
 */
void
pw_assessment_set_round (PwAssessment *self,
                         const char   *round)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (_pw_set_line_capped (&self->round, round, PW_MAX_NAME_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROUND]);
}

const char *
pw_assessment_get_facilitator (PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), NULL);

  return self->facilitator;
}

/**
 * pw_assessment_set_facilitator:
 * @facilitator: (nullable): who facilitated it
 *
 * Sets the facilitator, cut to %PW_MAX_NAME_CHARS characters: a workbook
 * file holds no longer one.
 */
void
pw_assessment_set_facilitator (PwAssessment *self,
                               const char   *facilitator)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  if (_pw_set_line_capped (&self->facilitator, facilitator, PW_MAX_NAME_CHARS))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FACILITATOR]);
}

int
pw_assessment_get_participants (PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), 0);

  return self->participants;
}

void
pw_assessment_set_participants (PwAssessment *self,
                                int           participants)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));
  g_return_if_fail (participants >= 0 && participants <= 100000);

  if (self->participants == participants)
    return;

  self->participants = participants;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PARTICIPANTS]);
}

gboolean
pw_assessment_get_hide_phases (PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), FALSE);

  return self->hide_phases;
}

void
pw_assessment_set_hide_phases (PwAssessment *self,
                               gboolean      hide_phases)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));

  hide_phases = !!hide_phases;
  if (self->hide_phases == hide_phases)
    return;

  self->hide_phases = hide_phases;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HIDE_PHASES]);
}

/* FNV-1a, 32 bits, over @text and then a zero byte, which keeps "ab" + "c"
 * apart from "a" + "bc": written out so that the order never changes with
 * GLib's own hash functions. */
static guint32
hash_text (guint32     hash,
           const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }

  /* the zero byte: xor with 0 leaves the hash as it is */
  hash *= 16777619u;

  return hash;
}

/* xorshift32: a small generator whose sequence is fixed by its seed */
static guint32
next_random (guint32 *state)
{
  guint32 x = *state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  *state = x;

  return x;
}

static void
shuffle_options (guint32 seed,
                 int     order[PW_N_PHASES])
{
  guint32 state = seed != 0 ? seed : 0x9e3779b9u;

  for (int i = 0; i < PW_N_PHASES; i++)
    order[i] = i + 1;

  /* Fisher–Yates, from the end */
  for (int i = PW_N_PHASES - 1; i > 0; i--)
    {
      int j = (int) (next_random (&state) % (guint32) (i + 1));
      int swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }
}

/**
 * pw_assessment_get_option_order:
 * @question_id: the question
 * @order: (out caller-allocates) (array fixed-size=5): the phases of the
 *   options, by the position they are shown at
 *
 * The order in which the options of @question_id are shown when the
 * assessment is answered with its phases hidden: `order[0]` is the phase
 * (1–5) of the option shown first, and so on.
 *
 * The order is a pure function of the assessment's id and @question_id: the
 * same workbook shows the same order on every machine and every run.  It is
 * never the phase order 1, 2, 3, 4, 5 (which would give the ladder away), and
 * it differs from question to question.
 */
void
pw_assessment_get_option_order (PwAssessment *self,
                                const char   *question_id,
                                int           order[PW_N_PHASES])
{
  guint32 seed = 2166136261u;
  gboolean identity = TRUE;

  g_return_if_fail (PW_IS_ASSESSMENT (self));
  g_return_if_fail (question_id != NULL);
  g_return_if_fail (order != NULL);

  seed = hash_text (seed, self->id);
  seed = hash_text (seed, question_id);
  shuffle_options (seed, order);

  for (int i = 0; i < PW_N_PHASES && identity; i++)
    identity = order[i] == i + 1;

  /* The phase order shows the ladder: turn it by a step instead, still
   * fixed by the seed. */
  if (identity)
    {
      int shift = 1 + (int) (seed % (PW_N_PHASES - 1));

      for (int i = 0; i < PW_N_PHASES; i++)
        order[i] = (i + shift) % PW_N_PHASES + 1;
    }
}

static void
add_answer_count (PwAnswerCounts *counts,
                  PwAnswer       *answer)
{
  if (!pw_answer_is_answered (answer))
    {
      counts->unanswered++;
      return;
    }

  switch (pw_answer_get_kind (answer))
    {
    case PW_ANSWER_OPTION:
      counts->options++;
      break;

    case PW_ANSWER_DONT_KNOW:
      counts->dont_know++;
      break;

    case PW_ANSWER_NOT_APPLICABLE:
      counts->not_applicable++;
      break;

    case PW_ANSWER_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
add_dimension_counts (PwAssessment      *self,
                      const PwDimension *dimension,
                      PwAnswerCounts    *counts)
{
  for (guint i = 0; i < dimension->questions->len; i++)
    {
      const PwQuestion *question = g_ptr_array_index (dimension->questions, i);

      add_answer_count (counts, g_hash_table_lookup (self->answers, question->id));
    }

  counts->answered = counts->options + counts->dont_know + counts->not_applicable;
  counts->total = counts->answered + counts->unanswered;
}

/**
 * pw_assessment_count_dimension_answers:
 * @dimension: a dimension of the framework the assessment is answered against
 * @counts: (out caller-allocates): the counts
 *
 * Counts the answers to the questions of @dimension, as
 * pw_assessment_count_answers() does for the whole framework.
 */
void
pw_assessment_count_dimension_answers (PwAssessment      *self,
                                       const PwDimension *dimension,
                                       PwAnswerCounts    *counts)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));
  g_return_if_fail (dimension != NULL);
  g_return_if_fail (counts != NULL);

  *counts = (PwAnswerCounts) { 0 };
  add_dimension_counts (self, dimension, counts);
}

/**
 * pw_assessment_count_answers:
 * @framework: the framework the assessment is answered against
 * @counts: (out caller-allocates): the counts
 *
 * Counts the answers to the questions of @framework.  A question is
 * *answered* when it has an option, “don’t know” or “not applicable”; only
 * the options count toward the score (the `counted` of #PwScore).  Answers to
 * questions the framework does not have, and answers that hold only a note,
 * are not counted; neither are questions the assessment has no #PwAnswer for.
 */
void
pw_assessment_count_answers (PwAssessment   *self,
                             PwFramework    *framework,
                             PwAnswerCounts *counts)
{
  guint n;

  g_return_if_fail (PW_IS_ASSESSMENT (self));
  g_return_if_fail (PW_IS_FRAMEWORK (framework));
  g_return_if_fail (counts != NULL);

  *counts = (PwAnswerCounts) { 0 };
  n = pw_framework_get_n_dimensions (framework);
  for (guint d = 0; d < n; d++)
    add_dimension_counts (self, pw_framework_get_dimension (framework, d), counts);
}

/**
 * pw_assessment_has_answers:
 * @framework: the framework the assessment is answered against
 *
 * Returns: %TRUE when anything was entered for a question of @framework: a
 *   choice, a note or evidence
 */
gboolean
pw_assessment_has_answers (PwAssessment *self,
                           PwFramework  *framework)
{
  guint n;

  g_return_val_if_fail (PW_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (PW_IS_FRAMEWORK (framework), FALSE);

  n = pw_framework_get_n_dimensions (framework);
  for (guint d = 0; d < n; d++)
    {
      const PwDimension *dimension = pw_framework_get_dimension (framework, d);

      for (guint q = 0; q < dimension->questions->len; q++)
        {
          const PwQuestion *question = g_ptr_array_index (dimension->questions, q);
          PwAnswer *answer = g_hash_table_lookup (self->answers, question->id);

          if (answer != NULL && !pw_answer_is_empty (answer))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * pw_assessment_get_retired_answers:
 *
 * The answers to questions that a later version of the framework retired,
 * kept from the migration that retired them (see pw_migration_new()).
 *
 * Returns: (transfer none) (element-type PwRetiredAnswer): the retired
 *   answers, in the order of the file; possibly empty
 */
GPtrArray *
pw_assessment_get_retired_answers (PwAssessment *self)
{
  g_return_val_if_fail (PW_IS_ASSESSMENT (self), NULL);

  if (self->retired == NULL)
    self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) pw_retired_answer_free);

  return self->retired;
}

/**
 * pw_assessment_add_retired_answer:
 * @retired: (transfer full): the answer
 *
 * Keeps @retired with the assessment's retired answers.
 */
void
pw_assessment_add_retired_answer (PwAssessment    *self,
                                  PwRetiredAnswer *retired)
{
  g_return_if_fail (PW_IS_ASSESSMENT (self));
  g_return_if_fail (retired != NULL);

  g_ptr_array_add (pw_assessment_get_retired_answers (self), retired);
}
