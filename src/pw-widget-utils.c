/* pw-widget-utils.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-widget-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "pw-widget-utils.h"

/*
 * What several widgets of the window do alike: finding the focus, emptying
 * a box, making the labels they build in code, wording a question's
 * position and showing a change since the previous round.
 */

/**
 * _pw_widget_get_focus:
 *
 * Returns: (transfer none) (nullable): the focus of the window @widget is
 *   in, %NULL when it is in none or nothing has the focus
 */
GtkWidget *
_pw_widget_get_focus (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

/**
 * _pw_box_remove_all:
 *
 * Removes every child of @box.
 */
void
_pw_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/**
 * _pw_label_new_wrapping:
 * @wrap_mode: where lines may break
 * @max_width_chars: the natural width, in characters; -1 for the text's own
 *
 * Returns: (transfer floating): a label for @text that starts at the left
 *   (in left-to-right text) and wraps
 */
GtkWidget *
_pw_label_new_wrapping (const char    *text,
                        PangoWrapMode  wrap_mode,
                        int            max_width_chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), wrap_mode);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_width_chars);

  return label;
}

/**
 * _pw_question_position_text:
 * @index: the position of a question in its dimension, from 0
 * @n_questions: the questions of the dimension
 *
 * Returns: (transfer full): the position of the question, "Question 2 of 4"
 */
char *
_pw_question_position_text (guint index,
                            guint n_questions)
{
  /* Translators: a question's position in its dimension, above the question and in the review */
  return g_strdup_printf (_("Question %u of %u"), index + 1, n_questions);
}

/**
 * _pw_show_change:
 * @box: the box of @icon and @label, coloured by the change
 * @change: the change, as pw_result_text_describe_change() says it
 *
 * Shows a change since the previous round: an arrow and the text for an
 * increase or a decrease, the text alone (dimmed) otherwise, and to screen
 * readers a text that does not rely on the arrow or the sign.
 */
void
_pw_show_change (GtkWidget            *box,
                 GtkImage             *icon,
                 GtkLabel             *label,
                 const PwResultChange *change)
{
  gtk_widget_remove_css_class (box, "success");
  gtk_widget_remove_css_class (box, "warning");
  gtk_widget_remove_css_class (box, "dim-label");

  switch (change->kind)
    {
    case PW_RESULT_CHANGE_UP:
      gtk_image_set_from_icon_name (icon, "go-up-symbolic");
      gtk_widget_add_css_class (box, "success");
      break;

    case PW_RESULT_CHANGE_DOWN:
      gtk_image_set_from_icon_name (icon, "go-down-symbolic");
      gtk_widget_add_css_class (box, "warning");
      break;

    case PW_RESULT_CHANGE_NONE:
    case PW_RESULT_CHANGE_NEW:
    case PW_RESULT_CHANGE_LOST:
    case PW_RESULT_CHANGE_UNKNOWN:
    default:
      gtk_widget_add_css_class (box, "dim-label");
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (icon), change->kind == PW_RESULT_CHANGE_UP
                                             || change->kind == PW_RESULT_CHANGE_DOWN);
  gtk_widget_set_visible (box, change->text != NULL);
  gtk_label_set_label (label, change->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, change->accessible,
                                  -1);
}

/* A text of the model (%NULL for none) shown in an entry ("" for none), and
 * back: a binding's transforms for a text field bound to the model */
gboolean
_pw_binding_string_to_text (GBinding     *binding,
                            const GValue *from,
                            GValue       *to,
                            gpointer      user_data)
{
  const char *string = g_value_get_string (from);

  g_value_set_string (to, string != NULL ? string : "");

  return TRUE;
}

gboolean
_pw_binding_text_to_string (GBinding     *binding,
                            const GValue *from,
                            GValue       *to,
                            gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL && *text != '\0' ? text : NULL);

  return TRUE;
}
