//! Languages: chosen from the browser or on the settings page, and a pseudo-locale run
//! that would show any text bypassing translation or cut off by the layout.

use lattice_e2e::browser::BrowserOptions;
use lattice_e2e::fixture::{App, AppOptions};

#[tokio::test]
async fn language_comes_from_the_browser_and_from_settings() -> anyhow::Result<()> {
    let app = App::start(AppOptions {
        browser: BrowserOptions {
            languages: Some("fr".to_owned()),
            ..BrowserOptions::default()
        },
        ..AppOptions::default()
    })
    .await?;
    let b = &app.browser;
    let user = app.user("langue").await?;
    b.goto(&format!("{}/login", app.server.origin)).await?;
    b.by_role("heading", "Connexion à Lattice").await?;
    b.fill("Nom d’utilisateur", &user.localpart).await?;
    b.fill("Mot de passe", &user.password).await?;
    b.click("button", "Se connecter").await?;

    b.click("link", "Paramètres").await?;
    b.by_role("heading", "Paramètres").await?;
    let select = b.by_role("combobox", "Langue").await?;
    select.select_by_value("de").await?;
    // The choice reloads the page in German, and stays across reloads.
    b.by_role("heading", "Einstellungen").await?;
    b.reload().await?;
    b.by_role("heading", "Einstellungen").await?;
    b.by_role("button", "Unterhaltung beginnen").await?;
    app.finish().await
}

/// Every text node in `main` that is ours (not user data marked `translate="no"`)
/// must carry the pseudo-locale's brackets, and nothing may be cut off.
const CHECK_PAGE: &str = r#"
const problems = [];
const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const text = node.textContent.trim();
  const element = node.parentElement;
  if (!/[A-Za-z]/.test(text) || element.closest('[translate="no"], option, script')) continue;
  if (element.getClientRects().length === 0) continue;
  if (!text.includes('[') && !text.includes(']')) problems.push('not translated: ' + text);
}
for (const element of document.querySelectorAll('main *')) {
  const style = getComputedStyle(element);
  const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
  if (clips && element.scrollWidth > element.clientWidth + 1 && element.textContent.trim())
    problems.push('clipped: ' + element.className + ' ' + element.textContent.trim().slice(0, 60));
}
return problems;
"#;

#[tokio::test]
async fn pseudo_locale_shows_no_untranslated_or_clipped_text() -> anyhow::Result<()> {
    let app = App::start(AppOptions::default()).await?;
    let b = &app.browser;
    let user = app.user("pseudo").await?;
    b.goto(&format!("{}/login", app.server.origin)).await?;
    b.execute("localStorage.setItem('lattice.language', 'en-XA'); return true;")
        .await?;
    b.reload().await?;
    b.by_role("heading", "[Şiɠƞ iƞ").await?;
    let mut problems: Vec<String> = serde_json::from_value(b.execute(CHECK_PAGE).await?)?;

    b.fill("Uşeeř ƞaaḿee", &user.localpart).await?;
    b.fill("Ƥaaşşẇoořḓ", &user.password).await?;
    b.execute("document.querySelector('form').requestSubmit(); return true;")
        .await?;
    b.by_role("link", "Şeeŧŧiƞɠş").await?.click().await?;
    b.by_role("heading", "Şeeŧŧiƞɠş").await?;
    let settings: Vec<String> = serde_json::from_value(b.execute(CHECK_PAGE).await?)?;
    problems.extend(settings);
    anyhow::ensure!(problems.is_empty(), "{problems:#?}");
    app.finish().await
}
