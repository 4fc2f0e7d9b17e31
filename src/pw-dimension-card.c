/* pw-dimension-card.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-dimension-card"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-dimension-card.h"
#include "pw-widget-utils.h"

/**
 * PwDimensionCard:
 *
 * The result of one dimension, as a card in the list of a #PwResultView:
 * its name, phase, where within the phase its score lies, and the score on
 * the scale of the chart, its coverage, the
 * change since the previous round, the governance cap when it applies, and
 * the framework's next steps from its phase, each with the condition that
 * says it is done when the framework gives one.
 *
 * The card shows its #PwDimensionCard:score and, when there is a previous
 * round, its #PwDimensionCard:previous score under the name
 * #PwDimensionCard:previous-name.  Every text comes from pw-result-text.c.
 * A screen reader hears the phase, score, position and coverage when the
 * card has the focus.
 */
struct _PwDimensionCard
{
  GtkListBoxRow      parent_instance;

  GtkLabel          *name_label;
  GtkLabel          *phase_label;
  GtkLabel          *position_label;
  GtkLabel          *score_label;
  GtkLevelBar       *bar;
  GtkLabel          *coverage_label;
  GtkWidget         *preliminary_box;
  GtkLabel          *preliminary_label;
  GtkWidget         *change_box;
  GtkImage          *change_icon;
  GtkLabel          *change_label;
  GtkWidget         *cap_box;
  GtkLabel          *cap_label;
  GtkButton         *cap_button;
  GtkLabel          *steps_title;
  GtkBox            *steps_box;
  GtkGrid           *columns;
  GtkWidget         *separator;
  GtkWidget         *steps_column;
  AdwClamp          *summary_clamp;

  PwFramework       *framework;
  const PwDimension *dimension;
  PwDimensionScore  *score;
  PwDimensionScore  *previous;
  char              *previous_name;
  char              *steps_key;      /* what the steps shown were made from, NULL for none yet */
  gboolean           stacked;
};

G_DEFINE_FINAL_TYPE (PwDimensionCard, pw_dimension_card, GTK_TYPE_LIST_BOX_ROW)

/* Below this width the next steps go under the result instead of beside
 * it: beside a 280 pixel column they would be left a narrow strip. */
#define STACK_WIDTH 640
#define SUMMARY_WIDTH 280

enum {
  PROP_0,
  PROP_SCORE,
  PROP_PREVIOUS,
  PROP_PREVIOUS_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GtkWidget *
create_text (const char *text,
             const char *css_class)
{
  /* At most 16 characters keep the natural width of the cards' left column
   * below its width. */
  GtkWidget *label = _pw_label_new_wrapping (text, PANGO_WRAP_WORD_CHAR, 16);

  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* A next step and, when the framework gives it (format 2), the observable
 * condition that says it is done, under it, dimmed as .pw-secondary (which,
 * unlike .dim-label, keeps the contrast of small text).  A screen reader
 * hears that condition as the description of the step, once. */
static GtkWidget *
create_step (const char *text,
             const char *done_when)
{
  /* A grid, not boxes: a horizontal box measures the height of a wrapping
   * label for its width by asking its width for several heights, which
   * costs GTK 4.8 a search over many text layouts at every level. */
  GtkWidget *row = gtk_grid_new ();
  GtkWidget *bullet = gtk_label_new ("•");
  GtkWidget *label = create_text (text, NULL);

  gtk_grid_set_column_spacing (GTK_GRID (row), 6);
  gtk_grid_set_row_spacing (GTK_GRID (row), 2);
  gtk_widget_set_valign (bullet, GTK_ALIGN_START);
  gtk_widget_add_css_class (bullet, "dim-label");
  gtk_accessible_update_state (GTK_ACCESSIBLE (bullet),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_grid_attach (GTK_GRID (row), bullet, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (row), label, 1, 0, 1, 1);

  if (done_when != NULL && *done_when != '\0')
    {
      /* Translators: under a next step, the observable condition that says
       * the step is done */
      g_autofree char *done = g_strdup_printf (_("Done when: %s"), done_when);
      GtkWidget *done_label = create_text (done, "pw-secondary");

      gtk_widget_add_css_class (done_label, "caption");
      gtk_accessible_update_state (GTK_ACCESSIBLE (done_label),
                                   GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, done,
                                      -1);
      gtk_grid_attach (GTK_GRID (row), done_label, 1, 1, 1, 1);
    }

  return row;
}

/* Towards phase 4 of governance, the core policy items not yet in place
 * come first: phase 4 needs them all. */
static void
add_core_items_step (PwDimensionCard        *self,
                     const PwDimensionScore *result)
{
  g_autofree char *names = NULL;
  g_autofree char *step = NULL;
  guint n;

  if (result->cap_titles == NULL || result->phase != PW_CAP_PHASE)
    return;

  n = g_strv_length (result->cap_titles);
  /* Translators: separates the items of a list */
  names = g_strjoinv (_(", "), result->cap_titles);
  step = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a next step; %u is a number, %s a list of
                                        * policy items */
                                       "Put the %u core policy item that phase 4 requires in "
                                       "place: %s.",
                                       "Put the %u core policy items that phase 4 requires in "
                                       "place: %s.", n),
                          n, names);
  gtk_box_append (self->steps_box, create_step (step, NULL));
}

/* The steps from the result's phase to the next one; from phase 1 without
 * a score.  They are rebuilt only when what they come from changes. */
static void
update_steps (PwDimensionCard        *self,
              const PwDimensionScore *result)
{
  const PwDimension *dimension = self->dimension;
  g_autofree char *next = NULL;
  g_autofree char *title = NULL;
  g_autofree char *key = NULL;
  g_autofree char *items = NULL;
  gboolean has_score = result->has_score;
  int phase = result->phase;

  items = result->cap_titles != NULL ? g_strjoinv ("\n", result->cap_titles) : g_strdup ("");
  key = g_strdup_printf ("%d\n%s", has_score ? phase : -1, items);
  if (g_strcmp0 (self->steps_key, key) == 0)
    return;
  g_free (self->steps_key);
  self->steps_key = g_steal_pointer (&key);

  _pw_box_remove_all (self->steps_box);

  if (!has_score)
    phase = 1;

  if (phase >= PW_N_PHASES)
    {
      gtk_label_set_label (self->steps_title, _("Highest phase reached"));
      gtk_box_append (self->steps_box,
                      create_text (_("There is no next phase. Keep what got you here, and check "
                                     "at every round that it still works."), NULL));
      return;
    }

  next = pw_result_text_phase (self->framework, phase + 1);
  if (has_score)
    /* Translators: above the steps of a dimension, "Next steps towards Phase 4 · The Relators" */
    title = g_strdup_printf (_("Next steps towards %s"), next);
  else
    /* Translators: above the steps of a dimension without a score, the steps from phase 1:
     * "First steps towards Phase 2 · The Seekers" */
    title = g_strdup_printf (_("First steps towards %s"), next);
  gtk_label_set_label (self->steps_title, title);

  if (has_score)
    add_core_items_step (self, result);

  if (dimension->next_steps[phase - 1] == NULL || dimension->next_steps[phase - 1][0] == NULL)
    {
      if (gtk_widget_get_first_child (GTK_WIDGET (self->steps_box)) != NULL)
        return;
      gtk_box_append (self->steps_box,
                      create_text (_("The framework suggests no steps here."), "pw-secondary"));
      return;
    }

  for (guint i = 0; dimension->next_steps[phase - 1][i] != NULL; i++)
    gtk_box_append (self->steps_box,
                    create_step (dimension->next_steps[phase - 1][i],
                                 dimension->done_when[phase - 1] != NULL
                                 ? dimension->done_when[phase - 1][i] : NULL));
}

static void
update_score (PwDimensionCard        *self,
              const PwDimensionScore *result)
{
  GtkWidget *score_label = GTK_WIDGET (self->score_label);

  if (result->has_score)
    {
      g_autofree char *phase = pw_result_text_phase (self->framework, result->phase);
      g_autofree char *score = pw_result_text_score_value (result->score);
      g_autofree char *value = pw_result_text_score_of_five (result->score);

      g_autofree char *position = pw_result_text_position (self->framework, result->score);

      gtk_label_set_label (self->phase_label, phase);
      gtk_label_set_label (self->position_label, position);
      gtk_label_set_label (self->score_label, score);
      gtk_widget_remove_css_class (score_label, "dim-label");
      gtk_widget_remove_css_class (score_label, "heading");
      gtk_widget_add_css_class (score_label, "title-2");
      gtk_level_bar_set_value (self->bar, result->score);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value,
                                      -1);
    }
  else
    {
      const char *hint;

      gtk_label_set_label (self->score_label, pw_result_text_no_score (TRUE, &hint));
      gtk_label_set_label (self->phase_label, hint);
      gtk_widget_remove_css_class (score_label, "title-2");
      gtk_widget_add_css_class (score_label, "heading");
      gtk_widget_add_css_class (score_label, "dim-label");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->bar), result->has_score);
  gtk_widget_set_visible (GTK_WIDGET (self->position_label), result->has_score);
}

static void
update_cap (PwDimensionCard        *self,
            const PwDimensionScore *result)
{
  /* The row's own child, not bound: the row owns it. */
  GtkWidget *card = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));
  g_autofree char *cap = pw_result_text_cap (result);
  char **items = result->capped ? result->cap_items : result->waived_items;

  gtk_widget_set_visible (self->cap_box, cap != NULL);
  gtk_label_set_label (self->cap_label, cap);
  gtk_widget_set_visible (GTK_WIDGET (self->cap_button), items != NULL);
  if (items != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->cap_button),
                                            g_variant_new_strv ((const char * const *) items, -1));
  if (cap != NULL)
    gtk_widget_add_css_class (card, "capped");
  else
    gtk_widget_remove_css_class (card, "capped");
}

static void
update (PwDimensionCard *self)
{
  static const PwDimensionScore none = { 0 };
  const PwDimensionScore *result = self->score != NULL ? self->score : &none;
  g_autofree char *coverage = NULL;
  g_autofree char *description = NULL;
  g_autofree char *preliminary = NULL;

  update_score (self, result);

  coverage = pw_result_text_dimension_coverage (result->answered, result->counted,
                                                self->score != NULL
                                                ? result->total : self->dimension->questions->len);
  gtk_label_set_label (self->coverage_label, coverage);

  /* Counted from fewer than half of its questions, as pw-result-text.c rules */
  preliminary = pw_result_text_preliminary (result->counted, result->total);
  gtk_widget_set_visible (self->preliminary_box, preliminary != NULL);
  gtk_label_set_label (self->preliminary_label, pw_result_text_preliminary_mark ());
  gtk_widget_set_tooltip_text (self->preliminary_box, preliminary);

  /* The change since the previous round */
  if (self->previous != NULL)
    {
      g_auto(PwResultChange) change = { 0 };

      pw_result_text_describe_change (&change, result->has_score, result->score,
                                      self->previous->has_score, self->previous->score,
                                      self->previous_name != NULL ? self->previous_name : "");
      _pw_show_change (self->change_box, self->change_icon, self->change_label, &change);
    }
  else
    {
      gtk_widget_set_visible (self->change_box, FALSE);
    }

  update_cap (self, result);
  update_steps (self, result);

  /* What a screen reader says when the card has the focus */
  if (result->has_score)
    {
      g_autofree char *phase = pw_result_text_phase (self->framework, result->phase);
      g_autofree char *score = pw_result_text_score_value (result->score);
      g_autofree char *position = pw_result_text_position (self->framework, result->score);

      /* Translators: a dimension card for screen readers: phase, score, where within
       * its phase the score lies, and coverage,
       * "Phase 3 · The Integrators, score 3.4, High in phase 3, 4 of 4 answered" */
      description = g_strdup_printf (_("%s, score %s, %s, %s"), phase, score, position, coverage);
      if (preliminary != NULL)
        {
          g_autofree char *plain = g_steal_pointer (&description);

          /* Translators: a dimension card for screen readers, then why its result is
           * preliminary: "Phase 3 · …, score 3.4, 1 of 4 answered. Preliminary: only …" */
          description = g_strdup_printf (_("%s. %s"), plain, preliminary);
        }
    }
  else
    {
      /* Translators: a dimension card without a score for screen readers: "No score"
       * and the coverage, "No score, 0 of 4 answered" */
      description = g_strdup_printf (_("%s, %s"), pw_result_text_no_score (TRUE, NULL), coverage);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Replaces *@field by a copy of @value; TRUE when it changed. */
static gboolean
set_score (PwDimensionScore       **field,
           const PwDimensionScore  *value)
{
  if (pw_dimension_score_equal (*field, value))
    return FALSE;

  g_clear_pointer (field, pw_dimension_score_free);
  if (value != NULL)
    *field = pw_dimension_score_copy (value);

  return TRUE;
}

static void
pw_dimension_card_dispose (GObject *object)
{
  PwDimensionCard *self = (PwDimensionCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_DIMENSION_CARD);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->score, pw_dimension_score_free);
  g_clear_pointer (&self->previous, pw_dimension_score_free);
  g_clear_pointer (&self->previous_name, g_free);
  g_clear_pointer (&self->steps_key, g_free);

  G_OBJECT_CLASS (pw_dimension_card_parent_class)->dispose (object);
}

static void
pw_dimension_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PwDimensionCard *self = PW_DIMENSION_CARD (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      g_value_set_boxed (value, self->score);
      break;

    case PROP_PREVIOUS:
      g_value_set_boxed (value, self->previous);
      break;

    case PROP_PREVIOUS_NAME:
      g_value_set_string (value, self->previous_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_dimension_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PwDimensionCard *self = PW_DIMENSION_CARD (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      pw_dimension_card_set_result (self, g_value_get_boxed (value), self->previous,
                                    self->previous_name);
      break;

    case PROP_PREVIOUS:
      pw_dimension_card_set_result (self, self->score, g_value_get_boxed (value),
                                    self->previous_name);
      break;

    case PROP_PREVIOUS_NAME:
      pw_dimension_card_set_result (self, self->score, self->previous,
                                    g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Puts @widget in column @column and row @row of the card's grid */
static void
place (PwDimensionCard *self,
       GtkWidget       *widget,
       int              column,
       int              row)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self->columns));
  GtkGridLayoutChild *child = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout,
                                                                                          widget));

  gtk_grid_layout_child_set_column (child, column);
  gtk_grid_layout_child_set_row (child, row);
}

static void
set_stacked (PwDimensionCard *self,
             gboolean         stacked)
{
  if (self->stacked == stacked)
    return;

  self->stacked = stacked;
  /* Side by side: the result (always in the first cell), a line, the
   * steps; stacked, one under the other */
  place (self, self->separator, stacked ? 0 : 1, stacked ? 1 : 0);
  place (self, self->steps_column, stacked ? 0 : 2, stacked ? 2 : 0);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->separator),
                                  stacked ? GTK_ORIENTATION_HORIZONTAL
                                          : GTK_ORIENTATION_VERTICAL);
  /* Stacked, the result takes the card's width: below its tightening
   * threshold a clamp gives its child all of it.  (A huge maximum would
   * overflow the clamp's arithmetic.) */
  adw_clamp_set_maximum_size (self->summary_clamp, stacked ? STACK_WIDTH : SUMMARY_WIDTH);
  adw_clamp_set_tightening_threshold (self->summary_clamp,
                                      stacked ? STACK_WIDTH : SUMMARY_WIDTH);
}

/* The card lays its child out itself, as a bin, so that it learns its
 * width: the row's own layout manager would not tell it. */
static void
pw_dimension_card_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));

  *minimum = *natural = 0;
  *minimum_baseline = *natural_baseline = -1;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
pw_dimension_card_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));

  /* Height for width, as the wrapping labels inside: without a layout
   * manager a widget would be of constant size. */
  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* Stacked below STACK_WIDTH.  The width a list gives its rows does not
 * depend on their orientation, so this cannot swing back and forth. */
static void
pw_dimension_card_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  PwDimensionCard *self = PW_DIMENSION_CARD (widget);
  GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (widget));
  gboolean stacked = width < STACK_WIDTH;

  if (stacked != self->stacked)
    {
      set_stacked (self, stacked);
      /* The height was measured for the other layout. */
      gtk_widget_queue_resize (widget);
    }

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
pw_dimension_card_class_init (PwDimensionCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_dimension_card_dispose;
  object_class->get_property = pw_dimension_card_get_property;
  object_class->set_property = pw_dimension_card_set_property;

  widget_class->get_request_mode = pw_dimension_card_get_request_mode;
  widget_class->measure = pw_dimension_card_measure;
  widget_class->size_allocate = pw_dimension_card_size_allocate;

  properties [PROP_SCORE] =
    g_param_spec_boxed ("score", NULL, NULL,
                        PW_TYPE_DIMENSION_SCORE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PREVIOUS] =
    g_param_spec_boxed ("previous", NULL, NULL,
                        PW_TYPE_DIMENSION_SCORE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PREVIOUS_NAME] =
    g_param_spec_string ("previous-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/pw-dimension-card.ui");
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, phase_label);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, position_label);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, score_label);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, bar);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, preliminary_box);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, preliminary_label);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, change_box);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, change_icon);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, change_label);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, cap_box);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, cap_label);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, cap_button);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, steps_title);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, steps_box);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, columns);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, separator);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, steps_column);
  gtk_widget_class_bind_template_child (widget_class, PwDimensionCard, summary_clamp);
}

static void
pw_dimension_card_init (PwDimensionCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 names a button with a mnemonic by its raw label and its text
   * ("Open the Policy _Checklist Open the Policy Checklist"): by its text */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->cap_button),
                                 GTK_ACCESSIBLE_PROPERTY_LABEL);
  /* measure and size_allocate above, instead of the row's bin layout */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  /* One colour for the whole bar, whatever the score. */
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->bar, GTK_LEVEL_BAR_OFFSET_FULL);
}

/**
 * pw_dimension_card_new:
 * @framework: the framework of @dimension
 * @dimension: the dimension shown
 *
 * Returns: (transfer floating): a new card, without a score yet
 */
PwDimensionCard *
pw_dimension_card_new (PwFramework       *framework,
                       const PwDimension *dimension)
{
  PwDimensionCard *self;

  g_return_val_if_fail (PW_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (dimension != NULL, NULL);

  self = g_object_new (PW_TYPE_DIMENSION_CARD, NULL);
  self->framework = g_object_ref (framework);
  /* The framework keeps its dimensions alive. */
  self->dimension = dimension;

  gtk_label_set_label (self->name_label, dimension->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dimension->name,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dimension->name,
                                  -1);
  update (self);

  return self;
}

const PwDimension *
pw_dimension_card_get_dimension (PwDimensionCard *self)
{
  g_return_val_if_fail (PW_IS_DIMENSION_CARD (self), NULL);

  return self->dimension;
}

/**
 * pw_dimension_card_get_score:
 *
 * Returns: (nullable): the result shown, %NULL before one is set
 */
const PwDimensionScore *
pw_dimension_card_get_score (PwDimensionCard *self)
{
  g_return_val_if_fail (PW_IS_DIMENSION_CARD (self), NULL);

  return self->score;
}

/**
 * pw_dimension_card_get_previous:
 *
 * Returns: (nullable): the result of the previous round, %NULL without one
 */
const PwDimensionScore *
pw_dimension_card_get_previous (PwDimensionCard *self)
{
  g_return_val_if_fail (PW_IS_DIMENSION_CARD (self), NULL);

  return self->previous;
}

const char *
pw_dimension_card_get_previous_name (PwDimensionCard *self)
{
  g_return_val_if_fail (PW_IS_DIMENSION_CARD (self), NULL);

  return self->previous_name;
}

/**
 * pw_dimension_card_set_result:
 * @score: (nullable): the result of the dimension
 * @previous: (nullable): its result in the previous round, %NULL without
 *   a previous round
 * @previous_name: (nullable): the name of the previous round, as
 *   pw_result_text_round_name() gives it
 *
 * Shows @score against @previous.  The results are copied.
 */
void
pw_dimension_card_set_result (PwDimensionCard        *self,
                              const PwDimensionScore *score,
                              const PwDimensionScore *previous,
                              const char             *previous_name)
{
  gboolean score_changed, previous_changed, name_changed;

  g_return_if_fail (PW_IS_DIMENSION_CARD (self));
  g_return_if_fail (score == NULL || score->dimension == self->dimension);
  g_return_if_fail (previous == NULL || previous->dimension == self->dimension);

  score_changed = set_score (&self->score, score);
  previous_changed = set_score (&self->previous, previous);
  name_changed = g_strcmp0 (self->previous_name, previous_name) != 0;
  if (name_changed)
    {
      g_free (self->previous_name);
      self->previous_name = g_strdup (previous_name);
    }

  if (!score_changed && !previous_changed && !name_changed)
    return;

  update (self);

  if (score_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCORE]);
  if (previous_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PREVIOUS]);
  if (name_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PREVIOUS_NAME]);
}

/**
 * pw_dimension_card_get_stacked:
 *
 * Returns: %TRUE when the card is too narrow to show the next steps beside
 *   the result, and shows them below it
 */
gboolean
pw_dimension_card_get_stacked (PwDimensionCard *self)
{
  g_return_val_if_fail (PW_IS_DIMENSION_CARD (self), FALSE);

  return self->stacked;
}
