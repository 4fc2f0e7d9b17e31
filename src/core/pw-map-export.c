/* pw-map-export.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-map-export"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "pw-file-writer.h"
#include "pw-map-export.h"
#include "pw-map-painter.h"
#include "pw-org-map.h"
#include "pw-team.h"
#include "pw-workbook.h"
#include "pw-utils-private.h"

/*
 * The organization map as a picture: the whole map, drawn by the same
 * painter as the window, under a title (the organization's name and the
 * organizational model the map shows) and beside the legend, on the
 * background of the chosen style.  A page is laid out in map units, with
 * one map unit one SVG pixel, or two PNG pixels while the picture stays
 * within PW_MAP_EXPORT_MAX_PIXELS a side.
 *
 * Cairo writes the SVG's text as glyph outlines, which neither a search
 * nor a screen reader can read; the SVG therefore also has a <title> (the
 * organization) and a <desc> naming every team with its kind and phase.
 */

#define PAGE_MARGIN   40.0
#define TITLE_GAP     24.0
#define LEGEND_GAP    48.0
#define TITLE_SIZE    26.0
#define SUBTITLE_SIZE 15.0
#define LEGEND_SIZE   13.0
#define PNG_SCALE      2.0

typedef struct
{
  PwMapPainter     *painter;
  PangoContext     *context;
  PangoLayout      *title;
  PangoLayout      *subtitle;
  PwMapColors       colors;
  cairo_rectangle_t bounds;
  double            legend_width;
  double            legend_height;
  double            width;
  double            height;
} Page;

static void
page_clear (Page *page)
{
  g_clear_object (&page->title);
  g_clear_object (&page->subtitle);
  g_clear_object (&page->context);
  g_clear_object (&page->painter);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Page, page_clear)

static PangoLayout *
create_text (PangoContext *context,
             const char   *text,
             double        size,
             PangoWeight   weight)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static const char *
get_organization (PwWorkbook *workbook)
{
  const char *name = pw_workbook_get_name (workbook);

  /* Translators: the title of an exported map when the organization has no name */
  return name != NULL && *name != '\0' ? name : _("Organization map");
}

/* Lays the page out: the title, the map's bounds and the legend's size. */
static gboolean
page_init (Page         *page,
           PwWorkbook   *workbook,
           gboolean      dark,
           const GDate  *today,
           GError      **error)
{
  PwOrgMap *map = pw_workbook_get_org_map (workbook);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  g_autofree char *subtitle = NULL;
  cairo_font_options_t *options;
  cairo_surface_t *scratch;
  cairo_t *cr;
  PangoRectangle title_rect;
  PangoRectangle subtitle_rect;

  page->painter = pw_map_painter_new (map);
  if (!pw_map_painter_get_bounds (page->painter, &page->bounds))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The map has no teams: add a hub or a spoke first"));
      return FALSE;
    }

  pw_map_colors_init_default (&page->colors, dark);
  pw_map_painter_set_colors (page->painter, &page->colors);
  pw_map_painter_update_states (page->painter, workbook, today);

  /* The same text whatever the device: no hinting of metrics */
  page->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_font_description_set_absolute_size (font, LEGEND_SIZE * PANGO_SCALE);
  pango_context_set_font_description (page->context, font);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (page->context, options);
  cairo_font_options_destroy (options);

  page->title = create_text (page->context, get_organization (workbook), TITLE_SIZE,
                             PANGO_WEIGHT_BOLD);
  /* Translators: below the organization's name on an exported map; %s is the
   * organizational model the map shows, such as “Hub and spoke” */
  subtitle = g_strdup_printf (_("Organizational model: %s"),
                              pw_org_model_get_name (pw_org_map_detect_model (map)));
  page->subtitle = create_text (page->context, subtitle, SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL);
  pango_layout_get_pixel_extents (page->title, NULL, &title_rect);
  pango_layout_get_pixel_extents (page->subtitle, NULL, &subtitle_rect);

  /* The legend's size, from drawing it where nobody sees */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (scratch);
  pw_map_painter_draw_legend (page->painter, cr, page->context, 0, 0,
                              &page->legend_width, &page->legend_height);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);

  /* Whole units, so that a PNG is exactly its scale times the SVG */
  page->width = ceil (2 * PAGE_MARGIN
                      + MAX (MAX (title_rect.width, subtitle_rect.width),
                             page->bounds.width + LEGEND_GAP + page->legend_width));
  page->height = ceil (2 * PAGE_MARGIN + title_rect.height + subtitle_rect.height + TITLE_GAP
                       + MAX (page->bounds.height, page->legend_height));

  return TRUE;
}

static void
page_draw (Page    *page,
           cairo_t *cr,
           double   scale)
{
  PangoRectangle title_rect;
  PangoRectangle subtitle_rect;
  const PwMapColor *background = &page->colors.background;
  const PwMapColor *foreground = &page->colors.foreground;
  double top;

  cairo_set_source_rgba (cr, background->red, background->green, background->blue,
                         background->alpha);
  cairo_paint (cr);

  pango_layout_get_pixel_extents (page->title, NULL, &title_rect);
  pango_layout_get_pixel_extents (page->subtitle, NULL, &subtitle_rect);
  cairo_set_source_rgba (cr, foreground->red, foreground->green, foreground->blue,
                         foreground->alpha);
  cairo_move_to (cr, PAGE_MARGIN, PAGE_MARGIN);
  pango_cairo_show_layout (cr, page->title);
  cairo_move_to (cr, PAGE_MARGIN, PAGE_MARGIN + title_rect.height);
  pango_cairo_show_layout (cr, page->subtitle);

  top = PAGE_MARGIN + title_rect.height + subtitle_rect.height + TITLE_GAP;
  pw_map_painter_draw_legend (page->painter, cr, page->context,
                              PAGE_MARGIN + page->bounds.width + LEGEND_GAP, top, NULL, NULL);

  cairo_save (cr);
  cairo_translate (cr, PAGE_MARGIN - page->bounds.x, top - page->bounds.y);
  pw_map_painter_draw (page->painter, cr, page->context, NULL, scale);
  cairo_restore (cr);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  if (status == CAIRO_STATUS_NO_MEMORY || status == CAIRO_STATUS_INVALID_SIZE)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                         _("The map is too large to be drawn in memory"));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %s is cairo's own description of what went wrong */
                 _("The map could not be drawn: %s"), cairo_status_to_string (status));

  return FALSE;
}

/* Text for XML, without the control characters XML 1.0 cannot hold. */
static void
append_xml_text (GString    *out,
                 const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      /* g_markup_escape_text() writes control characters as &#x1; and so on */
      if (p[0] == '&' && p[1] == '#')
        {
          const char *end = strchr (p, ';');
          guint64 code = g_ascii_strtoull (p + (p[2] == 'x' ? 3 : 2), NULL, p[2] == 'x' ? 16 : 10);

          if (end != NULL && (code < 0x20 && code != '\t' && code != '\n' && code != '\r'))
            {
              g_string_append_c (out, ' ');
              p = end;
              continue;
            }
        }
      g_string_append_c (out, *p);
    }
}

/* The <title> and <desc> that say in words what the picture shows. */
static char *
describe_map (Page       *page,
              PwWorkbook *workbook)
{
  GListModel *teams = pw_org_map_get_teams (pw_workbook_get_org_map (workbook));
  GString *out = g_string_new ("<title>");

  append_xml_text (out, get_organization (workbook));
  g_string_append (out, "</title>\n<desc>");
  append_xml_text (out, pango_layout_get_text (page->subtitle));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);
      g_autofree char *line = NULL;
      int phase = 0;
      gboolean stale = FALSE;
      const char *kind;

      pw_map_painter_get_team_state (page->painter, pw_team_get_id (team), &phase, &stale);
      kind = pw_team_get_kind (team) == PW_TEAM_HUB ? _("Hub") : _("Spoke");
      if (phase == 0)
        /* Translators: a team in the description of an exported map: its
         * name, then “Hub” or “Spoke” */
        line = g_strdup_printf (_("%s (%s): not assessed"), pw_team_get_name (team), kind);
      else if (stale)
        /* Translators: a team in the description of an exported map: its
         * name, “Hub” or “Spoke”, its phase number */
        line = g_strdup_printf (_("%s (%s): phase %d, assessed more than 12 months ago"),
                                pw_team_get_name (team), kind, phase);
      else
        /* Translators: a team in the description of an exported map: its
         * name, “Hub” or “Spoke”, its phase number */
        line = g_strdup_printf (_("%s (%s): phase %d"), pw_team_get_name (team), kind, phase);
      append_xml_text (out, line);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "</desc>\n");

  return g_string_free (out, FALSE);
}

/* The page drawn into an SVG document */
static GByteArray *
draw_svg (Page    *page,
          GError **error)
{
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_svg_surface_create_for_stream (append_bytes_cb, svg, page->width, page->height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  page_draw (page, cr, 1.0);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!check_status (status, error))
    return NULL;

  return g_steal_pointer (&svg);
}

static GBytes *
export_svg (Page        *page,
            PwWorkbook  *workbook,
            GError     **error)
{
  g_autoptr(GByteArray) svg = draw_svg (page, error);
  g_autofree char *description = NULL;
  const char *start;
  const char *end;

  if (svg == NULL)
    return NULL;

  /* The description goes first inside the <svg> element */
  g_byte_array_append (svg, (const guint8 *) "", 1);
  start = strstr ((const char *) svg->data, "<svg");
  end = start != NULL ? strchr (start, '>') : NULL;
  if (end == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The map could not be drawn: the picture is incomplete"));
      return NULL;
    }
  description = describe_map (page, workbook);
  g_byte_array_set_size (svg, svg->len - 1);
  {
    gsize at = (gsize) (end + 1 - (const char *) svg->data);
    GString *out = g_string_sized_new (svg->len + strlen (description) + 1);

    g_string_append_len (out, (const char *) svg->data, (gssize) at);
    g_string_append_c (out, '\n');
    g_string_append (out, description);
    g_string_append_len (out, (const char *) svg->data + at, (gssize) (svg->len - at));

    return g_string_free_to_bytes (out);
  }
}

static GBytes *
export_png (Page    *page,
            GError **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  double scale = MIN (PNG_SCALE, PW_MAP_EXPORT_MAX_PIXELS / MAX (page->width, page->height));
  int width = MAX (1, (int) floor (page->width * scale));
  int height = MAX (1, (int) floor (page->height * scale));
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  page_draw (page, cr, scale);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, png);
  cairo_surface_destroy (surface);
  if (!check_status (status, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

/**
 * pw_map_export_to_bytes:
 * @workbook: the workbook whose map to draw
 * @format: SVG or PNG
 * @dark: whether in the dark style (a dark background)
 * @today: (nullable): the day that decides which assessments are stale;
 *   %NULL for today, in local time
 *
 * The whole map as a picture, with the title and the legend.
 *
 * Returns: (transfer full): the picture's bytes, or %NULL with @error set
 *   (translated) when the map has no teams or cannot be drawn
 */
GBytes *
pw_map_export_to_bytes (PwWorkbook         *workbook,
                        PwMapExportFormat   format,
                        gboolean            dark,
                        const GDate        *today,
                        GError            **error)
{
  g_auto(Page) page = { 0 };
  GDate local_today;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (format == PW_MAP_EXPORT_SVG || format == PW_MAP_EXPORT_PNG, NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    today = _pw_date_init_today (&local_today);

  if (!page_init (&page, workbook, dark, today, error))
    return NULL;

  if (format == PW_MAP_EXPORT_SVG)
    return export_svg (&page, workbook, error);
  else
    return export_png (&page, error);
}

/**
 * pw_map_export_to_recording:
 * @workbook: the workbook whose map to draw
 * @today: (nullable): the day that decides which assessments are stale;
 *   %NULL for today, in local time
 * @width: (out): the picture's width, in map units
 * @height: (out): the picture's height, in map units
 * @svg: (out) (optional): the same picture as an SVG document
 *
 * The whole map as pw_map_export_to_bytes() draws it in the light style,
 * recorded as vector drawing operations: a report draws it onto a PDF page
 * at any scale, long after the workbook changed.  The SVG is drawn at the
 * same time rather than from the recording later: cairo 1.16's SVG surface
 * keeps a reference to a recording painted onto it, which never goes.
 *
 * Returns: (transfer full): a cairo recording surface, or %NULL with @error
 *   set (translated) when the map has no teams
 */
cairo_surface_t *
pw_map_export_to_recording (PwWorkbook   *workbook,
                            const GDate  *today,
                            double       *width,
                            double       *height,
                            GBytes      **svg,
                            GError      **error)
{
  g_auto(Page) page = { 0 };
  GDate local_today;
  cairo_rectangle_t extents;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);
  g_return_val_if_fail (width != NULL && height != NULL, NULL);
  g_return_val_if_fail (svg == NULL || *svg == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (today == NULL)
    today = _pw_date_init_today (&local_today);

  if (!page_init (&page, workbook, FALSE, today, error))
    return NULL;

  pw_map_painter_set_vector_only (page.painter, TRUE);
  extents = (cairo_rectangle_t) { 0, 0, page.width, page.height };
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (surface);
  page_draw (&page, cr, 1.0);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (!check_status (status, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  if (svg != NULL)
    {
      GByteArray *document = draw_svg (&page, error);

      if (document == NULL)
        {
          cairo_surface_destroy (surface);
          return NULL;
        }
      *svg = g_byte_array_free_to_bytes (document);
    }

  *width = page.width;
  *height = page.height;

  return surface;
}

/**
 * pw_map_export:
 * @workbook: the workbook whose map to draw
 * @format: SVG or PNG
 * @dark: whether in the dark style (a dark background)
 * @today: (nullable): the day that decides which assessments are stale;
 *   %NULL for today, in local time
 * @path: the file to write
 *
 * Writes the whole map as a picture (pw_map_export_to_bytes()), whole or
 * not at all: a file that was there stays as it was when anything fails.
 *
 * Returns: %TRUE when written; otherwise %FALSE with @error set, its
 *   message translated and naming the file
 */
gboolean
pw_map_export (PwWorkbook         *workbook,
               PwMapExportFormat   format,
               gboolean            dark,
               const GDate        *today,
               const char         *path,
               GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PW_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_name (path);
  if (*path == '\0')
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                         _("No file was named (the name is empty)"));
  else
    bytes = pw_map_export_to_bytes (workbook, format, dark, today, &local_error);

  if (bytes != NULL)
    {
      file = g_file_new_for_path (path);
      if (pw_file_replace_contents (file, bytes, NULL, PW_FILE_WRITE_DURABLE, NULL, NULL,
                                    &local_error))
        return TRUE;
    }

  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: the first %s is a file name, the second what went wrong */
               _("Could not export the map to “%s”: %s"), name, local_error->message);
  return FALSE;
}
