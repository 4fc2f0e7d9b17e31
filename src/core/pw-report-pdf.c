/* pw-report-pdf.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-report-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>

#include "pw-report-export.h"
#include "pw-report-layout.h"

/*
 * The report as a PDF: the pages of a PwReportLayout drawn onto a cairo
 * PDF surface (text as text in embedded font subsets, the radar and the
 * map as vectors), with the title and creator in its metadata, an outline
 * of the sections and their parts, and the table of contents linked to
 * the pages it names.
 */

/* How much of the progress the layout takes; the pages the rest */
#define LAYOUT_SHARE 0.3

typedef struct
{
  PwReportProgressFunc progress;
  gpointer             user_data;
} Progress;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static void
layout_progress_cb (double   fraction,
                    gpointer user_data)
{
  Progress *progress = user_data;

  progress->progress (fraction * LAYOUT_SHARE, progress->user_data);
}

/* The outline: each heading of level 1 at the root, those of level 2
 * under the section before them */
static void
add_outline (cairo_surface_t *surface,
             PwReportLayout  *layout)
{
  int section = CAIRO_PDF_OUTLINE_ROOT;
  guint n = pw_report_layout_get_n_entries (layout);

  for (guint i = 0; i < n; i++)
    {
      const char *text;
      guint level;
      guint page;
      double y;
      char pos[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *attributes = NULL;
      int id;

      pw_report_layout_get_entry (layout, i, &text, &level, &page, &y);
      g_ascii_formatd (pos, sizeof pos, "%.1f", y);
      attributes = g_strdup_printf ("page=%u pos=[0 %s]", page + 1, pos);
      id = cairo_pdf_surface_add_outline (surface,
                                          level == 1 ? CAIRO_PDF_OUTLINE_ROOT : section,
                                          text, attributes,
                                          level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      if (level == 1)
        section = id;
    }
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: %s is cairo's reason, in English */
               _("Could not make the PDF: %s"), cairo_status_to_string (status));

  return FALSE;
}

/**
 * pw_report_to_pdf:
 * @paper: the size of the pages
 * @progress: (nullable): called after each block laid out and each page
 *   drawn
 * @cancellable: (nullable): checked between blocks and between pages
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set (translated;
 *   %G_IO_ERROR_CANCELLED when cancelled)
 */
GBytes *
pw_report_to_pdf (PwReport              *report,
                  PwPaperSize            paper,
                  PwReportProgressFunc   progress,
                  gpointer               user_data,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autoptr(PwReportLayout) layout = NULL;
  PangoFontMap *font_map;
  PangoContext *context;
  gboolean paginated;
  g_autoptr(GByteArray) bytes = NULL;
  Progress wrapped = { progress, user_data };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width;
  double height;
  guint n_pages;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (PW_IS_REPORT (report), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pw_paper_size_get_points (paper, &width, &height);
  layout = pw_report_layout_new (report, width, height);

  /* A font map of its own: this may run in any thread */
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  paginated = pw_report_layout_paginate (layout, context,
                                         progress != NULL ? layout_progress_cb : NULL,
                                         &wrapped, cancellable, error);
  g_object_unref (context);
  g_object_unref (font_map);
  if (!paginated)
    return NULL;

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pw_report_get_title (report));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Phasewise " PACKAGE_VERSION);
  cr = cairo_create (surface);

  n_pages = pw_report_layout_get_n_pages (layout);
  for (guint i = 0; i < n_pages; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          cancelled = TRUE;
          break;
        }

      pw_report_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);

      if (progress != NULL)
        progress (LAYOUT_SHARE + (1.0 - LAYOUT_SHARE) * (i + 1) / n_pages, user_data);
    }

  if (!cancelled)
    add_outline (surface, layout);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (cancelled || !check_status (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
