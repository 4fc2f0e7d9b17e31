/* pw-welcome-page.h
 *
 * Copyright 2026 The Phasewise authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PW_WELCOME_PAGE_MAX_RECENT 5

#define PW_TYPE_WELCOME_PAGE (pw_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (PwWelcomePage, pw_welcome_page, PW, WELCOME_PAGE, AdwBin)

GtkWidget  *pw_welcome_page_new         (void);
GListModel *pw_welcome_page_get_recent  (PwWelcomePage *self);

G_END_DECLS
