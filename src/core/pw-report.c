/* pw-report.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-report"

#include "config.h"

#include <math.h>

#include "pw-assessment.h"
#include "pw-map-export.h"
#include "pw-report.h"
#include "pw-workbook.h"

/**
 * PwReport:
 *
 * A report as a sequence of blocks (#PwReportBlock): the one model that
 * every export and the print-out render, so that they agree.
 * pw_report_build() assembles it from a workbook and a report draft; the
 * renderers (pw-report-html.c, pw-report-markdown.c, pw-report-pdf.c)
 * turn it into a format and escape every text for it.
 */
struct _PwReport
{
  GObject     parent_instance;

  PwWorkbook *workbook;
  PwAssessment *assessment;
  char       *title;
  GDate       date;
  GPtrArray  *blocks;      /* of PwReportBlock */
  GHashTable *anchors;     /* the anchors given, owned by their blocks */
};

G_DEFINE_FINAL_TYPE (PwReport, pw_report, G_TYPE_OBJECT)

static void
block_free (PwReportBlock *block)
{
  g_free (block->text);
  g_free (block->anchor);
  g_strfreev (block->columns);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_strfreev (block->labels);
  g_free (block->current);
  g_free (block->previous);
  g_free (block->current_name);
  g_free (block->previous_name);
  g_clear_pointer (&block->picture, cairo_surface_destroy);
  g_clear_pointer (&block->picture_svg, g_bytes_unref);
  g_free (block);
}

static void
pw_report_finalize (GObject *object)
{
  PwReport *self = PW_REPORT (object);

  g_clear_object (&self->workbook);
  g_clear_object (&self->assessment);
  g_free (self->title);
  g_ptr_array_unref (self->blocks);
  g_hash_table_unref (self->anchors);

  G_OBJECT_CLASS (pw_report_parent_class)->finalize (object);
}

static void
pw_report_class_init (PwReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pw_report_finalize;
}

static void
pw_report_init (PwReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->anchors = g_hash_table_new (g_str_hash, g_str_equal);
  g_date_clear (&self->date, 1);
}

/**
 * pw_report_new:
 * @workbook: the workbook reported on
 * @title: the report's title
 * @date: (nullable): the date the report speaks of (the map and the
 *   overdue reviews as of that day); %NULL for today
 *
 * Returns: (transfer full): an empty report
 */
PwReport *
pw_report_new (PwWorkbook  *workbook,
               const char  *title,
               const GDate *date)
{
  PwReport *self;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (date == NULL || g_date_valid (date), NULL);

  self = g_object_new (PW_TYPE_REPORT, NULL);
  self->workbook = g_object_ref (workbook);
  self->title = g_strdup (title);
  if (date != NULL)
    self->date = *date;
  else
    g_date_set_time_t (&self->date, time (NULL));

  return self;
}

PwWorkbook *
pw_report_get_workbook (PwReport *self)
{
  g_return_val_if_fail (PW_IS_REPORT (self), NULL);

  return self->workbook;
}

const char *
pw_report_get_title (PwReport *self)
{
  g_return_val_if_fail (PW_IS_REPORT (self), NULL);

  return self->title;
}

const GDate *
pw_report_get_date (PwReport *self)
{
  g_return_val_if_fail (PW_IS_REPORT (self), NULL);

  return &self->date;
}

/**
 * pw_report_get_assessment:
 *
 * Returns: (transfer none) (nullable): the assessment the report is about
 *   (its answers are what the CSV export holds)
 */
PwAssessment *
pw_report_get_assessment (PwReport *self)
{
  g_return_val_if_fail (PW_IS_REPORT (self), NULL);

  return self->assessment;
}

void
pw_report_set_assessment (PwReport     *self,
                          PwAssessment *assessment)
{
  g_return_if_fail (PW_IS_REPORT (self));
  g_return_if_fail (assessment == NULL || PW_IS_ASSESSMENT (assessment));

  g_set_object (&self->assessment, assessment);
}

guint
pw_report_get_n_blocks (PwReport *self)
{
  g_return_val_if_fail (PW_IS_REPORT (self), 0);

  return self->blocks->len;
}

/**
 * pw_report_get_block:
 *
 * Returns: (transfer none): the block at @index
 */
const PwReportBlock *
pw_report_get_block (PwReport *self,
                     guint     index)
{
  g_return_val_if_fail (PW_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

static PwReportBlock *
add_block (PwReport          *self,
           PwReportBlockKind  kind,
           const char        *text)
{
  PwReportBlock *block = g_new0 (PwReportBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  g_ptr_array_add (self->blocks, block);

  return block;
}

static GPtrArray *
new_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Pairs of a NULL-terminated (label, value, label, value, …) array; a NULL
 * value ends it too, so that callers may build it as they go. */
static GPtrArray *
pairs_to_rows (const char * const *labels_and_values)
{
  GPtrArray *rows = new_rows ();

  for (guint i = 0; labels_and_values != NULL && labels_and_values[i] != NULL
                    && labels_and_values[i + 1] != NULL; i += 2)
    {
      char **row = g_new0 (char *, 3);

      row[0] = g_strdup (labels_and_values[i]);
      row[1] = g_strdup (labels_and_values[i + 1]);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

/**
 * pw_report_add_title:
 * @labels_and_values: (nullable) (array zero-terminated=1): the title
 *   page's facts, a label then its value
 */
void
pw_report_add_title (PwReport           *self,
                     const char         *title,
                     const char * const *labels_and_values)
{
  PwReportBlock *block;

  g_return_if_fail (PW_IS_REPORT (self));
  g_return_if_fail (title != NULL);

  block = add_block (self, PW_REPORT_BLOCK_TITLE, title);
  block->rows = pairs_to_rows (labels_and_values);
}

/**
 * pw_report_add_heading:
 * @level: 1, 2 or 3
 *
 * Returns: (transfer none): the heading's anchor, made from its text and
 *   unique in the report ("h-" and ASCII letters, digits and dashes)
 */
const char *
pw_report_add_heading (PwReport   *self,
                       guint       level,
                       const char *text)
{
  PwReportBlock *block;
  g_autoptr(GString) base = g_string_new ("h-");
  g_autofree char *folded = NULL;
  g_autofree char *anchor = NULL;
  guint n = 1;

  g_return_val_if_fail (PW_IS_REPORT (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= 3, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  folded = g_str_to_ascii (text, "C");
  for (const char *p = folded; *p != '\0' && base->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 2 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 2)
    g_string_append (base, "section");

  anchor = g_strdup (base->str);
  while (g_hash_table_contains (self->anchors, anchor))
    {
      g_free (anchor);
      anchor = g_strdup_printf ("%s-%u", base->str, ++n);
    }

  block = add_block (self, PW_REPORT_BLOCK_HEADING, text);
  block->level = level;
  block->anchor = g_steal_pointer (&anchor);
  g_hash_table_add (self->anchors, block->anchor);

  return block->anchor;
}

void
pw_report_add_markdown (PwReport   *self,
                        const char *markdown)
{
  g_return_if_fail (PW_IS_REPORT (self));
  g_return_if_fail (markdown != NULL);

  add_block (self, PW_REPORT_BLOCK_MARKDOWN, markdown);
}

void
pw_report_add_paragraph (PwReport   *self,
                         const char *text)
{
  g_return_if_fail (PW_IS_REPORT (self));
  g_return_if_fail (text != NULL);

  add_block (self, PW_REPORT_BLOCK_PARAGRAPH, text);
}

void
pw_report_add_notice (PwReport   *self,
                      const char *text)
{
  g_return_if_fail (PW_IS_REPORT (self));
  g_return_if_fail (text != NULL);

  add_block (self, PW_REPORT_BLOCK_NOTICE, text);
}

/**
 * pw_report_add_facts:
 * @caption: (nullable): what the facts are about
 * @labels_and_values: (array zero-terminated=1): a label then its value
 */
void
pw_report_add_facts (PwReport           *self,
                     const char         *caption,
                     const char * const *labels_and_values)
{
  PwReportBlock *block;

  g_return_if_fail (PW_IS_REPORT (self));
  g_return_if_fail (labels_and_values != NULL);

  block = add_block (self, PW_REPORT_BLOCK_FACTS, caption);
  block->rows = pairs_to_rows (labels_and_values);
}

/**
 * pw_report_add_table:
 * @caption: (nullable): the table's caption
 * @columns: (array zero-terminated=1): the header
 * @rows: (element-type GStrv): the rows, each with as many cells as
 *   @columns; the table keeps a reference
 */
void
pw_report_add_table (PwReport           *self,
                     const char         *caption,
                     const char * const *columns,
                     GPtrArray          *rows)
{
  PwReportBlock *block;
  guint n_columns;

  g_return_if_fail (PW_IS_REPORT (self));
  g_return_if_fail (columns != NULL && columns[0] != NULL);
  g_return_if_fail (rows != NULL);

  n_columns = g_strv_length ((char **) columns);
  for (guint i = 0; i < rows->len; i++)
    g_return_if_fail (g_strv_length (g_ptr_array_index (rows, i)) == n_columns);

  block = add_block (self, PW_REPORT_BLOCK_TABLE, caption);
  block->columns = g_strdupv ((char **) columns);
  block->rows = g_ptr_array_ref (rows);
}

/**
 * pw_report_add_list:
 * @items: (array zero-terminated=1): the items
 */
void
pw_report_add_list (PwReport           *self,
                    const char * const *items)
{
  PwReportBlock *block;

  g_return_if_fail (PW_IS_REPORT (self));
  g_return_if_fail (items != NULL);

  block = add_block (self, PW_REPORT_BLOCK_LIST, NULL);
  block->rows = new_rows ();
  for (guint i = 0; items[i] != NULL; i++)
    {
      char **row = g_new0 (char *, 2);

      row[0] = g_strdup (items[i]);
      g_ptr_array_add (block->rows, row);
    }
}

/**
 * pw_report_add_radar:
 * @labels: (array length=n_axes): the dimensions' names
 * @current: (array length=n_axes): their scores, NAN for none
 * @previous: (nullable) (array length=n_axes): the scores of a second
 *   series, drawn under the first
 */
void
pw_report_add_radar (PwReport           *self,
                     guint               n_axes,
                     const char * const *labels,
                     const double       *current,
                     const char         *current_name,
                     const double       *previous,
                     const char         *previous_name)
{
  PwReportBlock *block;

  g_return_if_fail (PW_IS_REPORT (self));
  g_return_if_fail (n_axes == 0 || (labels != NULL && current != NULL));

  block = add_block (self, PW_REPORT_BLOCK_RADAR, NULL);
  block->n_axes = n_axes;
  block->labels = g_new0 (char *, n_axes + 1);
  for (guint i = 0; i < n_axes; i++)
    block->labels[i] = g_strdup (labels[i]);
  block->current = g_memdup2 (current, sizeof (double) * n_axes);
  block->current_name = g_strdup (current_name);
  if (previous != NULL)
    {
      block->previous = g_memdup2 (previous, sizeof (double) * n_axes);
      block->previous_name = g_strdup (previous_name);
    }
}

/**
 * pw_report_add_map:
 * @caption: (nullable): what the picture shows
 *
 * Adds the workbook's organization map as of the report's date, recorded
 * now: the report no longer reads the map when it is rendered, so that a
 * renderer may run in another thread while the map is edited.
 *
 * Returns: %TRUE when added; %FALSE with @error set (translated) when the
 *   map has no teams or could not be drawn
 */
gboolean
pw_report_add_map (PwReport    *self,
                   const char  *caption,
                   GError     **error)
{
  PwReportBlock *block;
  cairo_surface_t *picture;
  GBytes *svg = NULL;
  double width;
  double height;

  g_return_val_if_fail (PW_IS_REPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  picture = pw_map_export_to_recording (self->workbook, &self->date, &width, &height, &svg,
                                        error);
  if (picture == NULL)
    return FALSE;

  block = add_block (self, PW_REPORT_BLOCK_MAP, caption);
  block->picture = picture;
  block->picture_svg = svg;
  block->picture_width = width;
  block->picture_height = height;

  return TRUE;
}
