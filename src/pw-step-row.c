/* pw-step-row.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-step-row.h"

/**
 * PwStepRow:
 *
 * One step in the wizard's list of steps: its number and title and, for a
 * step with questions (#PwStepRow:total above 0), how many are answered,
 * "2/4", or a check mark once all are.  A screen reader hears the number,
 * the title and the questions answered.
 */
struct _PwStepRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *number_label;
  GtkLabel      *title_label;
  GtkLabel      *count_label;
  GtkWidget     *check_image;

  guint          page;
  char          *title;
  guint          answered;
  guint          total;
  guint          reveal_tick_id;
};

G_DEFINE_FINAL_TYPE (PwStepRow, pw_step_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ANSWERED,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update (PwStepRow *self)
{
  g_autofree char *number = g_strdup_printf ("%u", self->page + 1);
  g_autofree char *accessible = NULL;

  gtk_label_set_label (self->number_label, number);
  gtk_label_set_label (self->title_label, self->title);

  if (self->total > 0)
    {
      g_autofree char *count = NULL;

      /* Translators: answered questions of a step in the step list, e.g. "2/4" */
      count = g_strdup_printf (_("%u/%u"), self->answered, self->total);
      gtk_label_set_label (self->count_label, count);

      /* Translators: spoken for a step in the step list: its number, its
       * title, and the questions answered */
      accessible = g_strdup_printf (ngettext ("Step %u, %s, %u of %u question answered",
                                              "Step %u, %s, %u of %u questions answered",
                                              self->total),
                                    self->page + 1, self->title, self->answered, self->total);
    }
  else
    {
      /* Translators: spoken for a step in the step list: step number and title */
      accessible = g_strdup_printf (_("Step %u, %s"), self->page + 1, self->title);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->count_label),
                          self->total > 0 && self->answered < self->total);
  gtk_widget_set_visible (self->check_image, self->total > 0 && self->answered >= self->total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* Centres the row in the list's scrolled window, once the list has its
 * layout: the popover of the list may just have opened. */
static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  PwStepRow *self = PW_STEP_ROW (widget);
  GtkWidget *list = gtk_widget_get_parent (widget);
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  /* The first frame lays the list out. */
  if (list == NULL || scrolled == NULL || gtk_widget_get_height (list) == 0)
    return G_SOURCE_CONTINUE;

  if (gtk_widget_compute_bounds (widget, list, &bounds))
    {
      GtkAdjustment *adjustment;

      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adjustment,
                                bounds.origin.y + bounds.size.height / 2
                                - gtk_adjustment_get_page_size (adjustment) / 2);
    }

  self->reveal_tick_id = 0;

  return G_SOURCE_REMOVE;
}

static void
pw_step_row_dispose (GObject *object)
{
  PwStepRow *self = (PwStepRow *)object;

  if (self->reveal_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
  self->reveal_tick_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_STEP_ROW);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (pw_step_row_parent_class)->dispose (object);
}

static void
pw_step_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PwStepRow *self = PW_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_ANSWERED:
      g_value_set_uint (value, self->answered);
      break;

    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_step_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PwStepRow *self = PW_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_ANSWERED:
      pw_step_row_set_counts (self, g_value_get_uint (value), self->total);
      break;

    case PROP_TOTAL:
      pw_step_row_set_counts (self, self->answered, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_step_row_class_init (PwStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_step_row_dispose;
  object_class->get_property = pw_step_row_get_property;
  object_class->set_property = pw_step_row_set_property;

  properties [PROP_ANSWERED] =
    g_param_spec_uint ("answered", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PwStepRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, PwStepRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PwStepRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, PwStepRow, check_image);
}

static void
pw_step_row_init (PwStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pw_step_row_new:
 * @page: the wizard's page of the step, from 0
 * @title: the title of the step
 *
 * Returns: (transfer floating): a new row, for a step without questions
 *   until pw_step_row_set_counts() says otherwise
 */
GtkWidget *
pw_step_row_new (guint       page,
                 const char *title)
{
  PwStepRow *self = g_object_new (PW_TYPE_STEP_ROW, NULL);

  self->page = page;
  self->title = g_strdup (title);
  update (self);

  return GTK_WIDGET (self);
}

guint
pw_step_row_get_page (PwStepRow *self)
{
  g_return_val_if_fail (PW_IS_STEP_ROW (self), 0);

  return self->page;
}

const char *
pw_step_row_get_title (PwStepRow *self)
{
  g_return_val_if_fail (PW_IS_STEP_ROW (self), NULL);

  return self->title;
}

guint
pw_step_row_get_answered (PwStepRow *self)
{
  g_return_val_if_fail (PW_IS_STEP_ROW (self), 0);

  return self->answered;
}

guint
pw_step_row_get_total (PwStepRow *self)
{
  g_return_val_if_fail (PW_IS_STEP_ROW (self), 0);

  return self->total;
}

/**
 * pw_step_row_set_counts:
 * @answered: the questions of the step answered
 * @total: the questions of the step, 0 for a step without questions
 */
void
pw_step_row_set_counts (PwStepRow *self,
                        guint      answered,
                        guint      total)
{
  gboolean answered_changed, total_changed;

  g_return_if_fail (PW_IS_STEP_ROW (self));

  answered_changed = self->answered != answered;
  total_changed = self->total != total;
  if (!answered_changed && !total_changed)
    return;

  self->answered = answered;
  self->total = total;
  update (self);

  if (answered_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ANSWERED]);
  if (total_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
}

/**
 * pw_step_row_reveal:
 *
 * Moves the focus to the row and scrolls its list so that the row shows in
 * the middle.
 */
void
pw_step_row_reveal (PwStepRow *self)
{
  g_return_if_fail (PW_IS_STEP_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (self->reveal_tick_id == 0)
    self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb,
                                                         NULL, NULL);
}
