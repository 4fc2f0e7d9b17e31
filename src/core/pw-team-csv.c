/* pw-team-csv.c
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pw-team-csv"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "pw-error.h"
#include "pw-team-csv.h"
#include "pw-utils-private.h"
#include "pw-validate.h"

/**
 * PwTeamImport:
 *
 * Teams read from a CSV file, as a spreadsheet writes it, before they go on
 * the map: what will be added, and every row that cannot be, with its line
 * number and what is wrong with it.  Nothing changes until
 * pw_team_import_apply(), which adds every importable row as one edit.
 *
 * The first line with words on it names the columns, in any order and in
 * any case, in English or in the user's language: name (the only one
 * required), kind, function, region, and parent (or hub, or parent hub).
 * Other columns are ignored.  The separator is the one of comma,
 * semicolon and tab that the header line uses most.  Fields follow RFC
 * 4180: double quotes around a field that holds a separator, a quote or a
 * line break, and a quote inside doubled.  A UTF-8 byte order mark is
 * skipped; lines end in CRLF, LF or CR; empty lines (and lines of empty
 * cells) are skipped and every cell is trimmed.  A row is imported whole
 * or not at all: a row with a problem is not imported, and neither is a
 * row whose hub is such a row.  Names are compared without regard to case
 * and must be new on the map and in the file; a hub may come later in the
 * file than its spokes.  The map holds %PW_TEAM_IMPORT_MAX_TEAMS teams:
 * rows beyond are problems too.  A file larger than
 * %PW_TEAM_IMPORT_MAX_MIB MiB is not read at all.
 */

typedef enum
{
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_FUNCTION,
  COLUMN_REGION,
  COLUMN_PARENT,
  N_COLUMNS
} Column;

/* The names a header cell may give a column: the English ones, and the
 * user's own through the translations (looked up with the context). */
#define HEADER_CONTEXT "column of a team import file"

static const struct
{
  Column      column;
  const char *name;
} header_names[] = {
  /* Translators: the header of the column of team names in a CSV file
   * the user imports (lower case; matched in any case).  The English
   * header always works too. */
  { COLUMN_NAME, NC_("column of a team import file", "name") },
  /* Translators: the header of the column saying whether a team is a hub
   * or a spoke, in a CSV file the user imports */
  { COLUMN_KIND, NC_("column of a team import file", "kind") },
  /* Translators: the header of the column of a team's function (PR,
   * customer service…), in a CSV file the user imports */
  { COLUMN_FUNCTION, NC_("column of a team import file", "function") },
  /* Translators: the header of the column of a team's region, in a CSV
   * file the user imports */
  { COLUMN_REGION, NC_("column of a team import file", "region") },
  /* Translators: the header of the column naming the hub a team belongs
   * to, in a CSV file the user imports; "hub" and "parent hub" work too */
  { COLUMN_PARENT, NC_("column of a team import file", "parent") },
  /* Translators: another header of the column naming the hub a team
   * belongs to, in a CSV file the user imports */
  { COLUMN_PARENT, NC_("column of a team import file", "hub") },
  /* Translators: another header of the column naming the hub a team
   * belongs to, in a CSV file the user imports */
  { COLUMN_PARENT, NC_("column of a team import file", "parent hub") },
};

#define KIND_CONTEXT "kind of team in a team import file"

static const struct
{
  PwTeamKind  kind;
  const char *name;
} kind_names[] = {
  /* Translators: the word for a hub in the kind column of a CSV file the
   * user imports (matched in any case; "hub" always works too) */
  { PW_TEAM_HUB, NC_("kind of team in a team import file", "hub") },
  /* Translators: the word for a spoke in the kind column of a CSV file the
   * user imports (matched in any case; "spoke" always works too) */
  { PW_TEAM_SPOKE, NC_("kind of team in a team import file", "spoke") },
};

/* A row of the file, as read. */
typedef struct
{
  guint       line;        /* where the row starts */
  GPtrArray  *cells;       /* (element-type utf8): raw bytes, trimmed when valid */
  gboolean    unclosed;    /* a quoted field runs to the end of the file */
} Record;

typedef enum
{
  ROW_UNRESOLVED,
  ROW_VISITING,
  ROW_OK,
  ROW_BAD,
} RowState;

/* A data row, checked. */
typedef struct
{
  guint       line;
  char       *name;
  char       *key;         /* the name as compared: normalized, casefolded */
  PwTeamKind  kind;
  char       *function;
  char       *region;
  char       *parent;      /* nullable: the hub's name as written */
  char       *parent_key;
  RowState    state;
  char       *problem;     /* set when the row is bad */
  gint        parent_row;  /* index of the hub's row in the file, or -1 */
  char       *parent_id;   /* the id of the hub on the map, if it is there */
  PwTeam     *team;        /* set for rows that will be imported */
} Row;

typedef struct
{
  guint  line;
  char  *message;
} Problem;

struct _PwTeamImport
{
  GObject     parent_instance;

  PwOrgMap   *map;
  GPtrArray  *rows;       /* (element-type Row): rows that will be imported */
  GArray     *problems;   /* (element-type Problem) */
  gboolean    applied;
};

G_DEFINE_FINAL_TYPE (PwTeamImport, pw_team_import, G_TYPE_OBJECT)

static void
row_free (Row *row)
{
  if (row == NULL)
    return;

  g_free (row->name);
  g_free (row->key);
  g_free (row->function);
  g_free (row->region);
  g_free (row->parent);
  g_free (row->parent_key);
  g_free (row->problem);
  g_free (row->parent_id);
  g_clear_object (&row->team);
  g_free (row);
}

static void
problem_clear (Problem *problem)
{
  g_free (problem->message);
}

static void
pw_team_import_finalize (GObject *object)
{
  PwTeamImport *self = (PwTeamImport *)object;

  g_clear_object (&self->map);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_array_unref);

  G_OBJECT_CLASS (pw_team_import_parent_class)->finalize (object);
}

static void
pw_team_import_class_init (PwTeamImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_team_import_finalize;
}

static void
pw_team_import_init (PwTeamImport *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (self->problems, (GDestroyNotify) problem_clear);
}

/* ------------------------------------------------------------------------
 * Reading records
 */

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;

  return TRUE;
}

/* Finds the header line, the first with more than separators, quotes and
 * white space on it, from *@pos on line *@line, and moves both to its
 * start.  Returns the separator it uses most: tab, semicolon or comma (the
 * default, also for a header of one column), or 0 when there is no such
 * line. */
static char
find_header (const char *data,
             gsize       length,
             gsize      *pos,
             guint      *line)
{
  gsize commas = 0, semicolons = 0, tabs = 0;
  gboolean in_quotes = FALSE;
  gboolean seen_text = FALSE;
  gsize i;

  for (i = *pos; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        in_quotes = !in_quotes;
      else if (in_quotes)
        seen_text = TRUE;
      else if (c == '\n' || c == '\r')
        {
          if (seen_text)
            break;
          if (c == '\r' && i + 1 < length && data[i + 1] == '\n')
            i++;
          commas = semicolons = tabs = 0;
          *pos = i + 1;
          (*line)++;
        }
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
      else if (!g_ascii_isspace (c))
        seen_text = TRUE;
    }

  if (!seen_text)
    return 0;
  if (tabs > 0 && tabs >= semicolons && tabs >= commas)
    return '\t';
  if (semicolons > commas)
    return ';';

  return ',';
}

/* Trims white space (Unicode's, as spreadsheets may pad with no-break
 * spaces) from both ends of the valid UTF-8 @text, in place. */
static void
trim_in_place (char *text)
{
  char *start = text;
  char *end;

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      char *previous = g_utf8_find_prev_char (start, end);

      if (!g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  memmove (text, start, end - start);
  text[end - start] = '\0';
}

static void
end_field (Record  *record,
           GString *field)
{
  char *cell;

  /* A NUL byte is no text: the cell stays invalid UTF-8, as it is, instead
   * of being cut short there. */
  for (gsize i = 0; i < field->len; i++)
    if (field->str[i] == '\0')
      field->str[i] = '\xff';

  cell = g_strndup (field->str, field->len);

  if (g_utf8_validate (cell, -1, NULL))
    trim_in_place (cell);
  g_ptr_array_add (record->cells, cell);
  g_string_truncate (field, 0);
}

/* Reads the record at *@pos, which starts on line *@line, and moves both
 * past it.  Returns %FALSE at the end of the data. */
static gboolean
read_record (const char *data,
             gsize       length,
             gsize      *pos,
             guint      *line,
             char        separator,
             Record     *record)
{
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean in_quotes = FALSE;
  gboolean may_quote = TRUE;  /* nothing but white space in the field yet */
  gsize i = *pos;

  if (i >= length)
    return FALSE;

  record->line = *line;
  record->cells = g_ptr_array_new_with_free_func (g_free);
  record->unclosed = FALSE;

  while (i < length)
    {
      char c = data[i];

      if (in_quotes)
        {
          if (c == '"' && i + 1 < length && data[i + 1] == '"')
            {
              g_string_append_c (field, '"');
              i += 2;
            }
          else if (c == '"')
            {
              in_quotes = FALSE;
              i++;
            }
          else if (c == '\r' || c == '\n')
            {
              /* A line break inside a field is kept as one LF. */
              g_string_append_c (field, '\n');
              i += (c == '\r' && i + 1 < length && data[i + 1] == '\n') ? 2 : 1;
              (*line)++;
            }
          else
            {
              g_string_append_c (field, c);
              i++;
            }
          continue;
        }

      if (c == '"' && may_quote)
        {
          g_string_truncate (field, 0);
          in_quotes = TRUE;
          may_quote = FALSE;
          i++;
        }
      else if (c == separator)
        {
          end_field (record, field);
          may_quote = TRUE;
          i++;
        }
      else if (c == '\r' || c == '\n')
        {
          i += (c == '\r' && i + 1 < length && data[i + 1] == '\n') ? 2 : 1;
          (*line)++;
          break;
        }
      else
        {
          if (!g_ascii_isspace (c))
            may_quote = FALSE;
          g_string_append_c (field, c);
          i++;
        }
    }

  record->unclosed = in_quotes;
  end_field (record, field);
  *pos = i;

  return TRUE;
}

static void
record_clear (Record *record)
{
  g_clear_pointer (&record->cells, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Record, record_clear)

static gboolean
record_is_empty (Record *record)
{
  if (record->unclosed)
    return FALSE;

  for (guint i = 0; i < record->cells->len; i++)
    {
      const char *cell = g_ptr_array_index (record->cells, i);

      if (!is_blank (cell, strlen (cell)))
        return FALSE;
    }

  return TRUE;
}

/* ------------------------------------------------------------------------
 * Names and words
 */

/* How names, headers and words compare: trimmed already, then normalized
 * and casefolded, so that "Sales", "sales" and "SALES" are one name. */
static char *
make_key (const char *text)
{
  g_autofree char *normalized = NULL;
  const char *p;

  /* the usual case, and the same result, quicker */
  for (p = text; *p != '\0' && (guchar) *p < 0x80; p++)
    ;
  if (*p == '\0')
    return g_ascii_strdown (text, -1);

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

/* Whether @key is the key of the lower-case ASCII word @english or of its
 * translation. */
static gboolean
matches_word (const char *key,
              const char *context,
              const char *english)
{
  const char *translated;
  g_autofree char *translated_key = NULL;

  if (g_str_equal (key, english))
    return TRUE;

  translated = g_dpgettext2 (GETTEXT_PACKAGE, context, english);
  if (translated == english)
    return FALSE;

  translated_key = make_key (translated);

  return g_str_equal (key, translated_key);
}

static int
find_column (const char *header)
{
  g_autofree char *key = NULL;

  if (!g_utf8_validate (header, -1, NULL))
    return -1;

  /* "Parent_Hub" and "parent-hub" are "parent hub" */
  key = make_key (header);
  g_strdelimit (key, "_-", ' ');
  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (matches_word (key, HEADER_CONTEXT, header_names[i].name))
      return header_names[i].column;

  return -1;
}

static gboolean
parse_kind (const char *text,
            PwTeamKind *kind)
{
  g_autofree char *key = NULL;

  if (*text == '\0')
    {
      *kind = PW_TEAM_SPOKE;
      return TRUE;
    }

  key = make_key (text);
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (matches_word (key, KIND_CONTEXT, kind_names[i].name))
      {
        *kind = kind_names[i].kind;
        return TRUE;
      }

  return FALSE;
}

static const char *
kind_word (PwTeamKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i].kind == kind)
      return g_dpgettext2 (GETTEXT_PACKAGE, KIND_CONTEXT, kind_names[i].name);

  g_return_val_if_reached ("");
}

static gboolean
has_line_break_or_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* what the workbook reader refuses in a one-line text */
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)
        return TRUE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------------
 * Checking rows
 */

static void G_GNUC_PRINTF (2, 3)
row_set_problem (Row        *row,
                 const char *format,
                 ...)
{
  va_list args;

  g_assert (row->problem == NULL);

  va_start (args, format);
  row->problem = g_strdup_vprintf (format, args);
  va_end (args);
  row->state = ROW_BAD;
}

#define MAX_SHOWN_CHARS 80

/* A value for a message: with invisible characters and bytes that are not
 * UTF-8 spelled out, and cut short when long. */
static char *
show_value (const char *value)
{
  g_autofree char *escaped = _pw_escape_invisible (value);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (escaped, -1) <= MAX_SHOWN_CHARS)
    return g_steal_pointer (&escaped);

  start = g_utf8_substring (escaped, 0, MAX_SHOWN_CHARS - 1);

  return g_strconcat (start, "…", NULL);
}

/* show_value() for a message built at once: each function that uses it
 * has a `g_autofree char *shown`, which holds the last value shown. */
#define SHOWN(value) (shown = (g_free (shown), show_value (value)))

/* Checks a function or region cell; the first problem goes on @row. */
static gboolean
check_line_text (Row        *row,
                 const char *text,
                 Column      column)
{
  g_autofree char *shown = NULL;

  if (g_utf8_strlen (text, -1) > PW_MAX_NAME_CHARS)
    {
      if (column == COLUMN_FUNCTION)
        /* Translators: a problem of a row of a team import file */
        row_set_problem (row, _("Line %u: the function is longer than %d characters"),
                         row->line, PW_MAX_NAME_CHARS);
      else
        /* Translators: a problem of a row of a team import file */
        row_set_problem (row, _("Line %u: the region is longer than %d characters"),
                         row->line, PW_MAX_NAME_CHARS);
      return FALSE;
    }

  if (has_line_break_or_control (text))
    {
      if (column == COLUMN_FUNCTION)
        /* Translators: a problem of a row of a team import file; %s is
         * the function, with the line break written as U+000A */
        row_set_problem (row, _("Line %u: the function “%s” holds a line break or a control "
                                "character"), row->line, SHOWN (text));
      else
        /* Translators: a problem of a row of a team import file; %s is
         * the region, with the line break written as U+000A */
        row_set_problem (row, _("Line %u: the region “%s” holds a line break or a control "
                                "character"), row->line, SHOWN (text));
      return FALSE;
    }

  return TRUE;
}

static const char *
record_cell (Record    *record,
             const int *columns,
             Column     column)
{
  int index = columns[column];

  if (index < 0 || (guint) index >= record->cells->len)
    return "";

  return g_ptr_array_index (record->cells, index);
}

/* A row as read, with the problems it has on its own: those that need no
 * other row are found here, the rest in check_duplicates(),
 * find_parents(), resolve_rows() and apply_limit(). */
static Row *
check_record (Record    *record,
              const int *columns,
              guint      n_header_cells)
{
  Row *row = g_new0 (Row, 1);
  g_autofree char *shown = NULL;
  const char *name, *kind, *parent;

  row->line = record->line;
  row->parent_row = -1;
  row->kind = PW_TEAM_SPOKE;

  if (record->unclosed)
    {
      /* Translators: a problem of a row of a team import file */
      row_set_problem (row, _("Line %u: a quoted field starts here and never ends (a double "
                              "quote is missing)"), row->line);
      return row;
    }

  for (guint i = n_header_cells; i < record->cells->len; i++)
    {
      const char *cell = g_ptr_array_index (record->cells, i);

      if (*cell != '\0')
        {
          /* Translators: a problem of a row of a team import file; the
           * first line of the file names the columns */
          row_set_problem (row, g_dngettext (GETTEXT_PACKAGE,
                                             "Line %u: %u cells, but the first line names %u "
                                             "column",
                                             "Line %u: %u cells, but the first line names %u "
                                             "columns", n_header_cells),
                           row->line, record->cells->len, n_header_cells);
          return row;
        }
    }

  for (guint column = 0; column < N_COLUMNS; column++)
    if (!g_utf8_validate (record_cell (record, columns, column), -1, NULL))
      {
        /* Translators: a problem of a row of a team import file */
        row_set_problem (row, _("Line %u: not valid UTF-8 text (save the spreadsheet as “CSV "
                                "UTF-8”)"), row->line);
        return row;
      }

  name = record_cell (record, columns, COLUMN_NAME);
  kind = record_cell (record, columns, COLUMN_KIND);
  parent = record_cell (record, columns, COLUMN_PARENT);
  row->name = g_strdup (name);
  row->key = make_key (name);
  row->function = g_strdup (record_cell (record, columns, COLUMN_FUNCTION));
  row->region = g_strdup (record_cell (record, columns, COLUMN_REGION));
  if (*parent != '\0')
    {
      row->parent = g_strdup (parent);
      row->parent_key = make_key (parent);
    }

  if (!pw_text_is_visible (name))
    {
      /* Translators: a problem of a row of a team import file */
      row_set_problem (row, _("Line %u: the name is empty"), row->line);
      return row;
    }

  if (g_utf8_strlen (name, -1) > PW_MAX_NAME_CHARS)
    {
      /* Translators: a problem of a row of a team import file */
      row_set_problem (row, _("Line %u: the name is longer than %d characters"),
                       row->line, PW_MAX_NAME_CHARS);
      return row;
    }

  if (has_line_break_or_control (name))
    {
      /* Translators: a problem of a row of a team import file; %s is the
       * name, with the line break written as U+000A */
      row_set_problem (row, _("Line %u: the name “%s” holds a line break or a control "
                              "character"), row->line, SHOWN (name));
      return row;
    }

  if (!parse_kind (kind, &row->kind))
    {
      /* Translators: a problem of a row of a team import file; the first
       * %s is what the file says, the others the words for a hub and a
       * spoke that the kind column accepts */
      row_set_problem (row, _("Line %u: the kind “%s” is neither “%s” nor “%s”"),
                       row->line, SHOWN (kind), kind_word (PW_TEAM_HUB),
                       kind_word (PW_TEAM_SPOKE));
      return row;
    }

  if (!check_line_text (row, row->function, COLUMN_FUNCTION)
      || !check_line_text (row, row->region, COLUMN_REGION))
    return row;

  if (row->parent != NULL && g_str_equal (row->parent_key, row->key))
    {
      /* Translators: a problem of a row of a team import file */
      row_set_problem (row, _("Line %u: “%s” cannot be its own hub"), row->line,
                       SHOWN (name));
      return row;
    }

  if (row->parent != NULL && g_utf8_strlen (row->parent, -1) > PW_MAX_NAME_CHARS)
    {
      /* Translators: a problem of a row of a team import file */
      row_set_problem (row, _("Line %u: the hub’s name is longer than %d characters"),
                       row->line, PW_MAX_NAME_CHARS);
      return row;
    }

  return row;
}

/* Names must be new: neither on the map nor earlier in the file. */
static void
check_duplicates (GPtrArray  *rows,
                  GHashTable *map_teams,
                  GHashTable *file_rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autofree char *shown = NULL;
      gpointer earlier;

      if (row->key == NULL)
        continue;

      if (g_hash_table_contains (map_teams, row->key))
        {
          if (row->state != ROW_BAD)
            /* Translators: a problem of a row of a team import file */
            row_set_problem (row, _("Line %u: “%s” is already on the map"), row->line,
                             SHOWN (row->name));
        }
      else if (g_hash_table_lookup_extended (file_rows, row->key, NULL, &earlier))
        {
          Row *first = g_ptr_array_index (rows, GPOINTER_TO_UINT (earlier));

          if (row->state != ROW_BAD)
            /* Translators: a problem of a row of a team import file */
            row_set_problem (row, _("Line %u: “%s” appears on line %u already"), row->line,
                             SHOWN (row->name), first->line);
        }
      else if (pw_text_is_visible (row->name))
        /* The first row of a name stands for it, even when it has a
         * problem of its own: its spokes then say so. */
        g_hash_table_insert (file_rows, row->key, GUINT_TO_POINTER (i));
    }
}

/* Finds each row's hub, on the map or in the file; a row whose hub is
 * missing, a spoke, or a row with a problem has a problem too. */
static void
find_parents (GPtrArray  *rows,
              GHashTable *map_teams,
              GHashTable *file_rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autofree char *shown = NULL;
      PwTeam *team;
      gpointer index;

      if (row->state == ROW_BAD || row->parent == NULL)
        continue;

      team = g_hash_table_lookup (map_teams, row->parent_key);
      if (team != NULL)
        {
          if (pw_team_get_kind (team) != PW_TEAM_HUB)
            /* Translators: a problem of a row of a team import file; %s is
             * a team of the map named as the row's hub */
            row_set_problem (row, _("Line %u: “%s” on the map is a spoke, not a hub"),
                             row->line, SHOWN (row->parent));
          else
            row->parent_id = g_strdup (pw_team_get_id (team));
        }
      else if (g_hash_table_lookup_extended (file_rows, row->parent_key, NULL, &index))
        {
          Row *parent = g_ptr_array_index (rows, GPOINTER_TO_UINT (index));

          if (parent->state != ROW_BAD && parent->kind != PW_TEAM_HUB)
            /* Translators: a problem of a row of a team import file; %s is
             * the row's hub, which the file makes a spoke */
            row_set_problem (row, _("Line %u: “%s” is a spoke on line %u, not a hub"),
                             row->line, SHOWN (row->parent), parent->line);
          else
            row->parent_row = GPOINTER_TO_UINT (index);
        }
      else
        /* Translators: a problem of a row of a team import file */
        row_set_problem (row, _("Line %u: no hub called “%s” on the map or in the file"),
                         row->line, SHOWN (row->parent));
    }
}

/* Settles whether each row can be imported: a row whose hub in the file
 * cannot be imported cannot either, along chains of hubs. */
static void
resolve_rows (GPtrArray *rows)
{
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      RowState end = ROW_OK;
      guint bad_line = 0;
      const char *bad_name = NULL;

      if (row->state != ROW_UNRESOLVED)
        continue;

      /* Follow the hubs up to a settled row, a row without a hub in the
       * file, or round a circle of hubs (which is fine: links have no
       * direction). */
      g_array_set_size (chain, 0);
      for (guint j = i;;)
        {
          Row *current = g_ptr_array_index (rows, j);

          if (current->state == ROW_OK || current->state == ROW_VISITING)
            break;
          if (current->state == ROW_BAD)
            {
              end = ROW_BAD;
              bad_line = current->line;
              bad_name = current->name;
              break;
            }

          current->state = ROW_VISITING;
          g_array_append_val (chain, j);
          if (current->parent_row < 0)
            break;
          j = current->parent_row;
        }

      /* Settle the chain from the top down, so that each row names the
       * hub right above it. */
      for (guint k = chain->len; k > 0; k--)
        {
          Row *current = g_ptr_array_index (rows, g_array_index (chain, guint, k - 1));
          g_autofree char *shown = NULL;

          if (end == ROW_OK)
            current->state = ROW_OK;
          else
            {
              /* Translators: a problem of a row of a team import file: the
               * row's hub is a row that cannot be imported */
              row_set_problem (current, _("Line %u: its hub “%s” on line %u cannot be "
                                          "imported"),
                               current->line, SHOWN (bad_name), bad_line);
              bad_line = current->line;
              bad_name = current->name;
            }
        }
    }
}

/* Rows beyond what the map holds cannot be imported. */
static void
apply_limit (GPtrArray *rows,
             guint      n_existing)
{
  guint room = n_existing < PW_TEAM_IMPORT_MAX_TEAMS
    ? PW_TEAM_IMPORT_MAX_TEAMS - n_existing : 0;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (row->state == ROW_BAD)
        continue;

      if (room > 0)
        room--;
      else
        /* Translators: a problem of a row of a team import file */
        row_set_problem (row, _("Line %u: the map is full (it holds %d teams at most)"),
                         row->line, PW_TEAM_IMPORT_MAX_TEAMS);
    }
}

static void
unsettle_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (row->state == ROW_OK)
        row->state = ROW_UNRESOLVED;
    }
}

/* A new id for each imported team, as pw_org_map_new_team_id() makes
 * them: the first "team-N" from *@counter on that the map does not have.
 * *@counter moves past it, so that the next team gets another. */
static char *
next_team_id (PwOrgMap *map,
              guint    *counter)
{
  for (;;)
    {
      g_autofree char *id = g_strdup_printf ("team-%u", (*counter)++);

      if (pw_org_map_find_team (map, id) == NULL)
        return g_steal_pointer (&id);
    }
}

/* The team of a row: an empty cell is no function or region at all. */
static PwTeam *
new_team (const char *id,
          Row        *row)
{
  PwTeam *team = pw_team_new (id, row->kind, row->name);

  if (*row->function != '\0')
    pw_team_set_function (team, row->function);
  if (*row->region != '\0')
    pw_team_set_region (team, row->region);

  return team;
}

static void
add_problem (PwTeamImport *self,
             guint         line,
             char         *message)
{
  Problem problem = { line, message };

  g_array_append_val (self->problems, problem);
}

static void
collect_rows (PwTeamImport *self,
              GPtrArray    *rows)
{
  guint counter = g_list_model_get_n_items (pw_org_map_get_teams (self->map)) + 1;
  g_autofree int *new_index = NULL;
  guint n_bad = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (row->state == ROW_OK)
        {
          g_autofree char *id = next_team_id (self->map, &counter);

          row->team = new_team (id, row);
          continue;
        }

      n_bad++;
      if (n_bad <= PW_TEAM_IMPORT_MAX_PROBLEMS)
        add_problem (self, row->line, g_steal_pointer (&row->problem));
    }

  if (n_bad > PW_TEAM_IMPORT_MAX_PROBLEMS)
    {
      guint n_more = n_bad - PW_TEAM_IMPORT_MAX_PROBLEMS;

      /* Translators: after the first 1,000 problems of a team import file,
       * the number of the others */
      add_problem (self, 0, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "…and %u more row that cannot be "
                                                          "imported",
                                                          "…and %u more rows that cannot be "
                                                          "imported", n_more), n_more));
    }

  /* Keep only the rows that will be imported, in the order of the file;
   * a row's hub in the file is one of them. */
  new_index = g_new (int, rows->len);
  for (guint i = 0, n = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      new_index[i] = row->team != NULL ? (int) n++ : -1;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (row->team == NULL)
        continue;

      if (row->parent_row >= 0)
        {
          row->parent_row = new_index[row->parent_row];
          g_assert (row->parent_row >= 0);
        }
      g_ptr_array_add (self->rows, g_steal_pointer (&rows->pdata[i]));
    }
}

/* The teams of the map by the key of their name (the first of a name). */
static GHashTable *
index_map_teams (PwOrgMap *map)
{
  GListModel *teams = pw_org_map_get_teams (map);
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (teams); i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);
      g_autofree char *name = g_strdup (pw_team_get_name (team));
      g_autofree char *key = NULL;

      trim_in_place (name);
      key = make_key (name);
      if (!g_hash_table_contains (index, key))
        g_hash_table_insert (index, g_steal_pointer (&key), g_steal_pointer (&team));
    }

  return index;
}

/**
 * pw_team_import_new:
 * @map: the map the teams are for: their names must be new on it, and
 *   their hubs may be on it
 * @bytes: the contents of a CSV file
 * @error: the return location for a #GError in %PW_ERROR, translated,
 *   when nothing can be read: the file is empty, larger than
 *   %PW_TEAM_IMPORT_MAX_MIB MiB or names no name column on its first line
 *
 * Reads the teams of @bytes and checks every row against @map and the rest
 * of the file.  Nothing changes on @map until pw_team_import_apply().
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with @error set
 */
PwTeamImport *
pw_team_import_new (PwOrgMap  *map,
                    GBytes    *bytes,
                    GError   **error)
{
  g_autoptr(PwTeamImport) self = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) map_teams = NULL;
  g_autoptr(GHashTable) file_rows = NULL;
  g_auto(Record) header = { 0 };
  int columns[N_COLUMNS];
  const char *data;
  gsize length, pos = 0;
  guint line = 1;
  char separator;

  g_return_val_if_fail (PW_IS_ORG_MAP (map), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > PW_TEAM_IMPORT_MAX_BYTES)
    {
      g_set_error (error, PW_ERROR, PW_ERROR_TOO_LARGE,
                   /* Translators: a team import file that is too large */
                   _("The file is larger than %d MB: split it into several files"),
                   PW_TEAM_IMPORT_MAX_MIB);
      return NULL;
    }

  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      g_set_error_literal (error, PW_ERROR, PW_ERROR_STRING,
                           /* Translators: “CSV UTF-8” is how spreadsheets call
                            * the format to choose when saving */
                           _("The file is in UTF-16, not UTF-8: save the spreadsheet as "
                             "“CSV UTF-8”"));
      return NULL;
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    pos = 3;

  separator = find_header (data, length, &pos, &line);
  if (separator == 0)
    {
      /* Translators: a team import file without any text */
      g_set_error_literal (error, PW_ERROR, PW_ERROR_INVALID,
                           _("The file is empty: its first line should name the columns, "
                             "such as name, kind and parent"));
      return NULL;
    }
  read_record (data, length, &pos, &line, separator, &header);

  for (guint i = 0; i < N_COLUMNS; i++)
    columns[i] = -1;
  for (guint i = 0; i < header.cells->len; i++)
    {
      int column = find_column (g_ptr_array_index (header.cells, i));

      if (column >= 0 && columns[column] < 0)
        columns[column] = i;
    }

  if (columns[COLUMN_NAME] < 0)
    {
      g_set_error (error, PW_ERROR, PW_ERROR_INVALID,
                   /* Translators: a team import file whose first line has no
                    * name column; %u is its line number, %s the header
                    * word for that column */
                   _("Line %u names no “%s” column: the first line of the file should name "
                     "the columns, such as name, kind and parent"),
                   header.line,
                   g_dpgettext2 (GETTEXT_PACKAGE, HEADER_CONTEXT, header_names[0].name));
      return NULL;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (;;)
    {
      g_auto(Record) record = { 0 };

      if (!read_record (data, length, &pos, &line, separator, &record))
        break;
      if (!record_is_empty (&record))
        g_ptr_array_add (rows, check_record (&record, columns, header.cells->len));
    }

  self = g_object_new (PW_TYPE_TEAM_IMPORT, NULL);
  self->map = g_object_ref (map);

  map_teams = index_map_teams (map);
  file_rows = g_hash_table_new (g_str_hash, g_str_equal);
  check_duplicates (rows, map_teams, file_rows);
  find_parents (rows, map_teams, file_rows);
  resolve_rows (rows);
  apply_limit (rows, g_list_model_get_n_items (pw_org_map_get_teams (map)));
  unsettle_rows (rows);
  resolve_rows (rows);
  collect_rows (self, rows);

  return g_steal_pointer (&self);
}

/**
 * pw_team_import_get_n_teams:
 *
 * Returns: the number of rows that pw_team_import_apply() adds as teams
 */
guint
pw_team_import_get_n_teams (PwTeamImport *self)
{
  g_return_val_if_fail (PW_IS_TEAM_IMPORT (self), 0);

  return self->rows->len;
}

static Row *
get_row (PwTeamImport *self,
         guint         i)
{
  return g_ptr_array_index (self->rows, i);
}

/**
 * pw_team_import_get_team:
 * @i: the index of an importable row, below pw_team_import_get_n_teams()
 *
 * Returns: (transfer none): the team the row adds, with its name, kind,
 *   function and region; it is not on the map yet, and gets its place on
 *   it from pw_team_import_apply()
 */
PwTeam *
pw_team_import_get_team (PwTeamImport *self,
                         guint         i)
{
  g_return_val_if_fail (PW_IS_TEAM_IMPORT (self), NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);

  return get_row (self, i)->team;
}

/**
 * pw_team_import_get_team_line:
 * @i: the index of an importable row
 *
 * Returns: the line of the file where the row starts, from 1
 */
guint
pw_team_import_get_team_line (PwTeamImport *self,
                              guint         i)
{
  g_return_val_if_fail (PW_IS_TEAM_IMPORT (self), 0);
  g_return_val_if_fail (i < self->rows->len, 0);

  return get_row (self, i)->line;
}

/**
 * pw_team_import_get_parent:
 * @i: the index of an importable row
 *
 * Returns: (nullable): the name of the hub the team will be linked to, as
 *   the file writes it, or %NULL when the row names none
 */
const char *
pw_team_import_get_parent (PwTeamImport *self,
                           guint         i)
{
  g_return_val_if_fail (PW_IS_TEAM_IMPORT (self), NULL);
  g_return_val_if_fail (i < self->rows->len, NULL);

  return get_row (self, i)->parent;
}

/**
 * pw_team_import_get_n_problems:
 *
 * Returns: the number of problems: one for each row that cannot be
 *   imported, up to %PW_TEAM_IMPORT_MAX_PROBLEMS, then one that counts the
 *   rest
 */
guint
pw_team_import_get_n_problems (PwTeamImport *self)
{
  g_return_val_if_fail (PW_IS_TEAM_IMPORT (self), 0);

  return self->problems->len;
}

/**
 * pw_team_import_get_problem:
 * @i: the index of a problem, below pw_team_import_get_n_problems()
 * @line: (out) (optional): the line of the file where the row starts, or 0
 *   for the problem that counts the rows not listed
 *
 * Returns: what is wrong, translated, starting with the line: “Line 7: the
 *   kind “hubb” is neither “hub” nor “spoke””
 */
const char *
pw_team_import_get_problem (PwTeamImport *self,
                            guint         i,
                            guint        *line)
{
  Problem *problem;

  g_return_val_if_fail (PW_IS_TEAM_IMPORT (self), NULL);
  g_return_val_if_fail (i < self->problems->len, NULL);

  problem = &g_array_index (self->problems, Problem, i);
  if (line != NULL)
    *line = problem->line;

  return problem->message;
}

/* ------------------------------------------------------------------------
 * Applying
 */

#define SPACING 40

/* The teams of one hub: the hub when it is new, and its new spokes. */
typedef struct
{
  PwTeam    *hub;      /* nullable */
  GPtrArray *spokes;   /* (element-type PwTeam) borrowed */
  int        columns;
  int        width;
  int        height;
} Group;

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->spokes);
  g_free (group);
}

static Group *
group_new (PwTeam *hub)
{
  Group *group = g_new0 (Group, 1);

  group->hub = hub;
  group->spokes = g_ptr_array_new ();

  return group;
}

/* How far from 0 a team's centre may be: what the workbook reader accepts
 * (pw-workbook-reader.c). */
#define MAP_LIMIT 1000000

typedef struct
{
  int left, top, right, bottom;
} Bounds;

/* The bounds of the shapes of the teams of @map, or FALSE when it has
 * none. */
static gboolean
get_map_bounds (PwOrgMap *map,
                Bounds   *bounds)
{
  GListModel *teams = pw_org_map_get_teams (map);
  guint n = g_list_model_get_n_items (teams);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwTeam) team = g_list_model_get_item (teams, i);
      int width, height, x, y;

      pw_team_get_size (team, &width, &height);
      x = pw_team_get_x (team);
      y = pw_team_get_y (team);
      if (i == 0 || x - (width + 1) / 2 < bounds->left)
        bounds->left = x - (width + 1) / 2;
      if (i == 0 || x + (width + 1) / 2 > bounds->right)
        bounds->right = x + (width + 1) / 2;
      if (i == 0 || y - (height + 1) / 2 < bounds->top)
        bounds->top = y - (height + 1) / 2;
      if (i == 0 || y + (height + 1) / 2 > bounds->bottom)
        bounds->bottom = y + (height + 1) / 2;
    }

  return n > 0;
}

static gboolean
fits (int left,
      int top,
      int width,
      int height)
{
  return left >= -MAP_LIMIT && top >= -MAP_LIMIT
         && left + width <= MAP_LIMIT && top + height <= MAP_LIMIT;
}

/* Where the new teams' block of @width × @height goes: below the map's
 * teams, or where there is room for it if the map reaches the edge of
 * what a workbook holds: above, right, left. */
static void
find_room (PwOrgMap *map,
           int       width,
           int       height,
           int      *left,
           int      *top)
{
  Bounds b;

  *left = 0;
  *top = 0;
  if (!get_map_bounds (map, &b))
    return;

  *left = b.left;
  *top = b.bottom + SPACING;
  if (fits (*left, *top, width, height))
    return;

  if (fits (b.left, b.top - SPACING - height, width, height))
    *top = b.top - SPACING - height;
  else if (fits (b.right + SPACING, b.top, width, height))
    {
      *left = b.right + SPACING;
      *top = b.top;
    }
  else if (fits (b.left - SPACING - width, b.top, width, height))
    {
      *left = b.left - SPACING - width;
      *top = b.top;
    }
  else
    {
      /* a map from edge to edge: below it as far as it goes */
      *left = CLAMP (*left, -MAP_LIMIT, MAP_LIMIT - MIN (width, 2 * MAP_LIMIT));
      *top = CLAMP (*top, -MAP_LIMIT, MAP_LIMIT - MIN (height, 2 * MAP_LIMIT));
    }
}

static void
place_in_cell (PwTeam *team,
               int     left,
               int     top,
               int     cell_width,
               int     cell_height)
{
  pw_team_set_x (team, left + cell_width / 2);
  pw_team_set_y (team, top + cell_height / 2);
}

/* Places the new teams in a tidy grid below the map (find_room()): each
 * new hub above its new spokes, spokes of a hub already on the map
 * together, teams without a hub last; the groups side by side in shelves.  Every team sits
 * in a cell of its own, its shape SPACING narrower and lower than the
 * cell, so no two shapes come closer than SPACING. */
static void
place_teams (PwTeamImport *self)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr(GHashTable) group_of = g_hash_table_new (g_str_hash, g_str_equal);
  Group *loose = group_new (NULL);
  int cell_width = 0, cell_height = 0, hub_height = 0;
  int top, left, shelf_width, x, y, shelf_height;

  /* The groups, in the order of the file. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = get_row (self, i);
      int width, height;

      pw_team_get_size (row->team, &width, &height);
      if (row->kind == PW_TEAM_HUB)
        hub_height = MAX (hub_height, height + SPACING);
      else
        cell_height = MAX (cell_height, height + SPACING);
      cell_width = MAX (cell_width, width + SPACING);

      if (row->kind == PW_TEAM_HUB)
        {
          Group *group = group_new (row->team);

          g_ptr_array_add (groups, group);
          g_hash_table_insert (group_of, (gpointer) pw_team_get_id (row->team), group);
        }
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = get_row (self, i);
      const char *hub_id = NULL;
      Group *group;

      if (row->kind == PW_TEAM_HUB)
        continue;

      if (row->parent_row >= 0)
        hub_id = pw_team_get_id (get_row (self, row->parent_row)->team);
      else if (row->parent_id != NULL)
        hub_id = row->parent_id;

      group = hub_id != NULL ? g_hash_table_lookup (group_of, hub_id) : loose;
      if (group == NULL)
        {
          /* the spokes of a hub already on the map */
          group = group_new (NULL);
          g_ptr_array_add (groups, group);
          g_hash_table_insert (group_of, (gpointer) hub_id, group);
        }
      g_ptr_array_add (group->spokes, row->team);
    }

  /* the teams without a hub, last */
  if (loose->spokes->len > 0)
    g_ptr_array_add (groups, loose);
  else
    group_free (loose);

  /* Each group as a block: the hub centred above rows of spokes, as many
   * columns as rows.  Shelves are as wide as the blocks would make a
   * square, and never narrower than the widest block. */
  shelf_width = 0;
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      guint n = group->spokes->len;
      int rows;

      group->columns = MAX (1, (int) ceil (sqrt (n)));
      rows = n > 0 ? (int) ((n + group->columns - 1) / group->columns) : 0;
      group->width = group->columns * cell_width;
      group->height = (group->hub != NULL ? hub_height : 0) + rows * cell_height;
      shelf_width = MAX (shelf_width, group->width);
    }
  shelf_width = MAX (shelf_width, (int) ceil (sqrt (self->rows->len)) * cell_width);

  /* Placed from 0, 0 first, then moved where there is room. */
  x = 0;
  y = 0;
  shelf_height = 0;
  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      int spokes_top = y;

      if (x > 0 && x + group->width > shelf_width)
        {
          x = 0;
          y += shelf_height;
          spokes_top = y;
          shelf_height = 0;
        }

      if (group->hub != NULL)
        {
          place_in_cell (group->hub, x + (group->width - cell_width) / 2, y, cell_width,
                         hub_height);
          spokes_top += hub_height;
        }

      for (guint j = 0; j < group->spokes->len; j++)
        place_in_cell (g_ptr_array_index (group->spokes, j),
                       x + (int) (j % group->columns) * cell_width,
                       spokes_top + (int) (j / group->columns) * cell_height,
                       cell_width, cell_height);

      x += group->width;
      shelf_height = MAX (shelf_height, group->height);
    }

  find_room (self->map, shelf_width, y + shelf_height, &left, &top);
  for (guint i = 0; i < self->rows->len; i++)
    {
      PwTeam *team = get_row (self, i)->team;

      pw_team_set_x (team, CLAMP (left + pw_team_get_x (team), -MAP_LIMIT, MAP_LIMIT));
      pw_team_set_y (team, CLAMP (top + pw_team_get_y (team), -MAP_LIMIT, MAP_LIMIT));
    }
}

/* The team to add for @row: its own, or a copy with a new id when the map
 * got a team with that id since the import was read. */
static PwTeam *
team_to_add (PwTeamImport *self,
             Row          *row)
{
  g_autofree char *id = NULL;
  PwTeam *team;

  if (pw_org_map_find_team (self->map, pw_team_get_id (row->team)) == NULL)
    return row->team;

  id = pw_org_map_new_team_id (self->map);
  team = new_team (id, row);
  pw_team_set_x (team, pw_team_get_x (row->team));
  pw_team_set_y (team, pw_team_get_y (row->team));
  g_set_object (&row->team, team);
  g_object_unref (team);

  return row->team;
}

/**
 * pw_team_import_apply:
 * @workbook: the workbook whose map the import was read for
 *
 * Adds every importable team to the map, links each to its hub, and
 * places the new teams below the map's teams, each hub above its spokes,
 * so that no shape overlaps another: all as one edit, “Import Teams”,
 * which one undo takes back.  An import is applied once.
 */
void
pw_team_import_apply (PwTeamImport *self,
                      PwWorkbook   *workbook)
{
  g_return_if_fail (PW_IS_TEAM_IMPORT (self));
  g_return_if_fail (PW_IS_WORKBOOK (workbook));
  g_return_if_fail (pw_workbook_get_org_map (workbook) == self->map);
  g_return_if_fail (!self->applied);

  self->applied = TRUE;
  if (self->rows->len == 0)
    return;

  place_teams (self);

  /* Translators: what undo takes back: the teams read from a CSV file */
  pw_workbook_begin_edit (workbook, _("Import Teams"));

  for (guint i = 0; i < self->rows->len; i++)
    pw_org_map_add_team (self->map, team_to_add (self, get_row (self, i)));

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = get_row (self, i);
      const char *hub_id = NULL;

      if (row->parent_row >= 0)
        hub_id = pw_team_get_id (get_row (self, row->parent_row)->team);
      else if (row->parent_id != NULL && pw_org_map_find_team (self->map, row->parent_id))
        hub_id = row->parent_id;

      if (hub_id != NULL)
        pw_org_map_link_teams (self->map, hub_id, pw_team_get_id (row->team));
    }

  pw_workbook_end_edit (workbook);
}
