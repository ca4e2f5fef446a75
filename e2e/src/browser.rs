//! Headless Chromium over WebDriver, and finding controls the way a screen reader
//! does: by ARIA role and accessible name, as Chromium computes them.

use std::time::{Duration, Instant};

use axum::http::Method;
use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use url::Url;

/// WebDriver key codes.
pub const TAB: &str = "\u{E004}";
pub const ENTER: &str = "\u{E007}";
pub const ESCAPE: &str = "\u{E00C}";

/// How long any single wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(60);

pub struct Browser {
    pub client: Client,
    _profile: tempfile::TempDir,
}

/// How a test's Chromium differs from the default one.
#[derive(Clone, Debug, Default)]
pub struct BrowserOptions {
    /// Site data (cookies, IndexedDB) blocked, as an IT policy can do.
    pub block_site_data: bool,
    /// The browser's preferred languages (`Accept-Language`, `navigator.languages`).
    pub languages: Option<String>,
    /// Chromium's performance log, to see every network request the page makes.
    pub log_network: bool,
}

impl Browser {
    /// A new Chromium with a fresh, empty profile.
    pub async fn start(webdriver_url: &str) -> anyhow::Result<Self> {
        Self::start_with(webdriver_url, &BrowserOptions::default()).await
    }

    pub async fn start_with(webdriver_url: &str, options: &BrowserOptions) -> anyhow::Result<Self> {
        let profile = tempfile::tempdir()?;
        let mut args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            // Exact `performance.memory` figures for the benchmark.
            "--enable-precise-memory-info".to_owned(),
            "--window-size=1280,900".to_owned(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut prefs = serde_json::Map::new();
        if options.block_site_data {
            prefs.insert(
                "profile.default_content_setting_values.cookies".to_owned(),
                json!(2),
            );
        }
        if let Some(languages) = &options.languages {
            args.push(format!("--lang={languages}"));
            prefs.insert("intl.accept_languages".to_owned(), json!(languages));
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".to_owned(),
            json!({ "binary": "/usr/bin/chromium", "args": args, "prefs": prefs }),
        );
        // Console errors are always kept, so that a panic (which kills the app) fails
        // the test that caused it.
        let mut logging = json!({ "browser": "SEVERE" });
        if options.log_network {
            logging["performance"] = json!("ALL");
        }
        capabilities.insert("goog:loggingPrefs".to_owned(), logging);
        let client = ClientBuilder::rustls()?
            .capabilities(capabilities)
            .connect(webdriver_url)
            .await?;
        Ok(Self {
            client,
            _profile: profile,
        })
    }

    pub async fn goto(&self, url: &str) -> anyhow::Result<()> {
        Ok(self.client.goto(url).await?)
    }

    /// The first visible element with this role and an accessible name containing
    /// `name` (case-insensitive), waiting for it to appear.
    pub async fn by_role(&self, role: &str, name: &str) -> anyhow::Result<Element> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(element) = self.try_by_role(role, name).await? {
                return Ok(element);
            }
            if Instant::now() > deadline {
                let body = self.body_text().await.unwrap_or_default();
                anyhow::bail!("no {role} named {name:?} within {TIMEOUT:?}; page says:\n{body}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// One look for the element; elements that go stale while the page changes
    /// (a reload, a re-render) are skipped rather than failing the test.
    pub async fn try_by_role(&self, role: &str, name: &str) -> anyhow::Result<Option<Element>> {
        let Ok(candidates) = self
            .client
            .find_all(Locator::Css(
                "button, input, a[href], select, textarea, h1, h2, h3, main, nav, section, aside, ul, ol, dialog, [role]",
            ))
            .await
        else {
            return Ok(None);
        };
        let wanted = name.to_lowercase();
        for element in candidates {
            let Ok(true) = element.is_displayed().await else {
                continue;
            };
            let id = element.element_id().to_string();
            let Ok(computed_role) = self.element_property(&id, "computedrole").await else {
                continue;
            };
            if computed_role != role {
                continue;
            }
            let Ok(label) = self.element_property(&id, "computedlabel").await else {
                continue;
            };
            if plain(&label).to_lowercase().contains(&wanted) {
                return Ok(Some(element));
            }
        }
        Ok(None)
    }

    async fn element_property(
        &self,
        element_id: &str,
        property: &'static str,
    ) -> anyhow::Result<String> {
        let value = self
            .client
            .issue_cmd(ElementGet {
                element_id: element_id.to_owned(),
                property,
            })
            .await?;
        Ok(value.as_str().unwrap_or_default().to_owned())
    }

    /// Presses keys on whatever has the focus, as a keyboard would.
    pub async fn press(&self, keys: &str) -> anyhow::Result<()> {
        self.client.active_element().await?.send_keys(keys).await?;
        Ok(())
    }

    /// Role and accessible name of the focused element, as Chromium computes them.
    pub async fn focused(&self) -> anyhow::Result<(String, String)> {
        let element = self.client.active_element().await?;
        let id = element.element_id().to_string();
        let role = self.element_property(&id, "computedrole").await?;
        let label = self.element_property(&id, "computedlabel").await?;
        Ok((role, plain(&label)))
    }

    /// Presses Tab until an element with `role` and a name containing `name` has the
    /// focus; fails after `limit` presses.
    pub async fn tab_to(&self, role: &str, name: &str, limit: usize) -> anyhow::Result<()> {
        let mut seen = Vec::new();
        for _ in 0..limit {
            self.press(TAB).await?;
            let (focused_role, label) = self.focused().await?;
            if focused_role == role && label.to_lowercase().contains(&name.to_lowercase()) {
                return Ok(());
            }
            seen.push(format!("{focused_role} {label:?}"));
        }
        anyhow::bail!("Tab never reached {role} {name:?}; it went through {seen:#?}")
    }

    /// Types into the text box with this accessible name, replacing what it held.
    pub async fn fill(&self, name: &str, text: &str) -> anyhow::Result<()> {
        let input = self.by_role("textbox", name).await?;
        input.clear().await?;
        input.send_keys(text).await?;
        Ok(())
    }

    /// Clicks the element with this role and name. If the view re-rendered it between
    /// finding and clicking (a stale element), it is found again: a person would
    /// simply click the new one.
    pub async fn click(&self, role: &str, name: &str) -> anyhow::Result<()> {
        for _ in 0..3 {
            match self.by_role(role, name).await?.click().await {
                Ok(()) => return Ok(()),
                Err(e) if e.is_stale_element_reference() => continue,
                Err(e) => return Err(e.into()),
            }
        }
        anyhow::bail!("the {role} {name:?} kept being replaced before it could be clicked")
    }

    /// Types `text` into the message composer and sends it with Enter, as a person
    /// does: the text is in the box before Enter, and the box is empty after it. Typed
    /// text the box lost, or an Enter it did not take, is typed again and said on stderr
    /// (it has happened under load right after a room opened; cause not found yet).
    pub async fn send_message(&self, text: &str) -> anyhow::Result<()> {
        let value =
            "const c = document.getElementById('lt-composer-input'); return c ? c.value : null;";
        for attempt in 0..3 {
            if attempt > 0 {
                eprintln!("the composer did not take {text:?}; typing it again");
            }
            let composer = self.by_role("textbox", "Message to").await?;
            composer.clear().await?;
            composer.send_keys(text).await?;
            if self.execute(value).await? != serde_json::json!(text) {
                continue;
            }
            composer.send_keys(ENTER).await?;
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                // Empty: the app took the message (the text is back if sending failed).
                if self.execute(value).await? == serde_json::json!("") {
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        anyhow::bail!("the composer never took and sent {text:?}")
    }

    /// Waits until the element with `role` shows text containing `text`.
    pub async fn wait_for_text(&self, role: &str, text: &str) -> anyhow::Result<String> {
        let deadline = Instant::now() + TIMEOUT;
        let selector = format!("[role={role}]");
        loop {
            let elements = self
                .client
                .find_all(Locator::Css(&selector))
                .await
                .unwrap_or_default();
            for element in elements {
                if let Ok(shown) = element.text().await
                    && plain(&shown).to_lowercase().contains(&text.to_lowercase())
                {
                    return Ok(plain(&shown));
                }
            }
            if Instant::now() > deadline {
                let body = self.body_text().await.unwrap_or_default();
                anyhow::bail!("no {role} saying {text:?} within {TIMEOUT:?}; page says:\n{body}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs `script` (a function body) in the page and returns its result.
    pub async fn execute(&self, script: &str) -> anyhow::Result<serde_json::Value> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// The text of every element matching `css`, in document order.
    pub async fn texts(&self, css: &str) -> anyhow::Result<Vec<String>> {
        let script = format!(
            "return Array.from(document.querySelectorAll({css:?})).map(e => e.textContent);"
        );
        let value = self.execute(&script).await?;
        let texts: Vec<String> = serde_json::from_value(value)?;
        Ok(texts.iter().map(|text| plain(text)).collect())
    }

    /// Waits until `check` holds for the texts of the elements matching `css`.
    pub async fn wait_for_texts(
        &self,
        css: &str,
        what: &str,
        check: impl Fn(&[String]) -> bool,
    ) -> anyhow::Result<Vec<String>> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let texts = self.texts(css).await.unwrap_or_default();
            if check(&texts) {
                return Ok(texts);
            }
            if Instant::now() > deadline {
                anyhow::bail!("{what}: not within {TIMEOUT:?}; {css} holds {texts:?}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Moves the mouse over the first element matching `css`, as a person pointing at
    /// it (message actions show on hover).
    pub async fn hover(&self, css: &str) -> anyhow::Result<()> {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction};
        let element = self.client.find(Locator::Css(css)).await?;
        let actions = MouseActions::new("mouse".to_owned()).then(PointerAction::MoveToElement {
            element,
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        self.client.perform_actions(actions).await?;
        Ok(())
    }

    /// The first element matching `css`, waiting for it to appear.
    pub async fn find(&self, css: &str) -> anyhow::Result<Element> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                return Ok(element);
            }
            if Instant::now() > deadline {
                let body = self.body_text().await.unwrap_or_default();
                anyhow::bail!("nothing matches {css:?} within {TIMEOUT:?}; page says:\n{body}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn reload(&self) -> anyhow::Result<()> {
        Ok(self.client.refresh().await?)
    }

    /// Takes the browser off the network, or puts it back, as DevTools' "Offline"
    /// network condition does: every request fails at once.
    pub async fn set_offline(&self, offline: bool) -> anyhow::Result<()> {
        self.devtools("Network.enable", json!({})).await?;
        let conditions = json!({
            "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1,
        });
        self.devtools("Network.emulateNetworkConditions", conditions)
            .await
            .map(drop)
    }

    /// Fails every request whose URL matches one of `patterns` (`*` wildcards), as
    /// DevTools' request blocking does; an empty list lifts the block. Unlike
    /// `set_offline`, the page itself can still be loaded.
    pub async fn block_requests(&self, patterns: &[&str]) -> anyhow::Result<()> {
        self.devtools("Network.enable", json!({})).await?;
        self.devtools("Network.setBlockedURLs", json!({ "urls": patterns }))
            .await
            .map(drop)
    }

    /// One Chrome DevTools Protocol command on the page's target, through chromedriver.
    async fn devtools(&self, cmd: &str, params: Value) -> anyhow::Result<Value> {
        let command = DevTools {
            cmd: cmd.to_owned(),
            params,
        };
        Ok(self.client.issue_cmd(command).await?)
    }

    pub async fn current_url(&self) -> anyhow::Result<String> {
        Ok(self.client.current_url().await?.to_string())
    }

    pub async fn body_text(&self) -> anyhow::Result<String> {
        Ok(self.client.find(Locator::Css("body")).await?.text().await?)
    }

    /// URLs of every request the browser sent since the last call, from Chromium's
    /// performance log (needs `log_network`).
    pub async fn requested_urls(&self) -> anyhow::Result<Vec<String>> {
        Ok(self
            .requests_seen()
            .await?
            .into_iter()
            .map(|r| r.url)
            .collect())
    }

    /// Every request the browser sent since the last call, with the page that sent it
    /// (needs `log_network`).
    pub async fn requests_seen(&self) -> anyhow::Result<Vec<RequestSeen>> {
        let entries = self.client.issue_cmd(Log("performance")).await?;
        let mut requests = Vec::new();
        for entry in entries.as_array().into_iter().flatten() {
            let Some(message) = entry["message"].as_str() else {
                continue;
            };
            let message: serde_json::Value = serde_json::from_str(message)?;
            let params = &message["message"]["params"];
            if message["message"]["method"] == "Network.requestWillBeSent"
                && let Some(url) = params["request"]["url"].as_str()
            {
                requests.push(RequestSeen {
                    url: url.to_owned(),
                    document_url: params["documentURL"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                    kind: params["type"].as_str().unwrap_or_default().to_owned(),
                });
            }
        }
        Ok(requests)
    }

    /// Console errors since the last call (a wasm panic is one).
    pub async fn console_errors(&self) -> anyhow::Result<Vec<String>> {
        let entries = self.client.issue_cmd(Log("browser")).await?;
        Ok(entries
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| entry["message"].as_str().map(str::to_owned))
            .collect())
    }

    /// Runs axe-core (node_modules/axe-core) on the page; the serious and critical
    /// violations, as "rule: nodes" lines.
    pub async fn axe_violations(&self) -> anyhow::Result<Vec<String>> {
        let axe = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../node_modules/axe-core/axe.min.js"
        ))?;
        // Injected through WebDriver, not the page: the page's CSP stays as it is.
        self.execute(&format!("{axe}; return true;")).await?;
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                    .then(r => done(r.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ': ' + v.help + ' at ' +
                             v.nodes.map(n => n.target.join(' ')).join(', '))))
                    .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await?;
        Ok(serde_json::from_value(result)?)
    }

    pub async fn close(self) -> anyhow::Result<()> {
        Ok(self.client.close().await?)
    }
}

/// Text without the Unicode isolation marks Fluent puts around each placeable (they
/// keep names in right-to-left scripts readable, but are invisible).
/// One request as Chromium's network log saw it.
#[derive(Debug, Clone)]
pub struct RequestSeen {
    pub url: String,
    /// The page that sent it (for a navigation, where the tab was going).
    pub document_url: String,
    /// Chromium's resource type: "Document" for a navigation, "Fetch", "Image"...
    pub kind: String,
}

pub fn plain(text: &str) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// `GET /session/{id}/element/{id}/{computedrole|computedlabel}` (WebDriver §12.4).
#[derive(Debug)]
struct ElementGet {
    element_id: String,
    property: &'static str,
}

impl WebDriverCompatibleCommand for ElementGet {
    fn endpoint(&self, base_url: &Url, session_id: Option<&str>) -> Result<Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!(
            "session/{session}/element/{}/{}",
            self.element_id, self.property
        ))
    }

    fn method_and_body(&self, _: &Url) -> (Method, Option<String>) {
        (Method::GET, None)
    }
}

/// `POST /session/{id}/se/log` (chromedriver's log endpoint) for one log kind.
#[derive(Debug)]
struct Log(&'static str);

impl WebDriverCompatibleCommand for Log {
    fn endpoint(&self, base_url: &Url, session_id: Option<&str>) -> Result<Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/se/log"))
    }

    fn method_and_body(&self, _: &Url) -> (Method, Option<String>) {
        (Method::POST, Some(json!({ "type": self.0 }).to_string()))
    }
}

/// `POST /session/{id}/goog/cdp/execute`: chromedriver passes a DevTools Protocol
/// command to the page.
#[derive(Debug)]
struct DevTools {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for DevTools {
    fn endpoint(&self, base_url: &Url, session_id: Option<&str>) -> Result<Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _: &Url) -> (Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (Method::POST, Some(body.to_string()))
    }
}
