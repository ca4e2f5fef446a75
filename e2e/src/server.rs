//! Serves dist/ like production would: the strict Content-Security-Policy on the
//! app's files, SPA fallback to index.html, and `/_matrix` and `/_synapse` proxied to
//! Synapse on the same origin under the nginx deployment's sandbox policies. It also records what the tests need to see from outside the page:
//! CSP violation reports and the access tokens the app sent.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// The production policy, made by the same script as the nginx deployment's
/// (scripts/csp.py, from the config.json being served), with the test's extra origins
/// in `connect-src` and a report endpoint so that violations fail the test.
pub fn content_security_policy(
    config_json: &str,
    extra_connect: &[String],
    report_uri: Option<&str>,
) -> anyhow::Result<String> {
    let config = tempfile::NamedTempFile::new()?;
    std::fs::write(config.path(), config_json)?;
    let mut command = std::process::Command::new("python3");
    command
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/csp.py"))
        .arg("--config")
        .arg(config.path());
    for origin in extra_connect {
        command.arg("--connect").arg(origin);
    }
    if let Some(uri) = report_uri {
        command.arg("--report-uri").arg(uri);
    }
    let output = command.output()?;
    anyhow::ensure!(
        output.status.success(),
        "scripts/csp.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(String::from_utf8(output.stdout)?.trim().to_owned())
}

#[derive(Default)]
pub struct Recorded {
    pub csp_reports: Vec<String>,
    pub access_tokens: Vec<String>,
    /// Every proxied request as "METHOD /path?query", in order.
    pub requests: Vec<String>,
    /// While set, the proxy answers 502 as a reverse proxy does when Synapse is down.
    pub upstream_down: bool,
    /// Until then, sync requests are refused with 429 and the time left as
    /// `retry_after_ms`, as a rate-limiting server or gateway does.
    pub sync_limited_until: Option<Instant>,
    /// When each sync request refused that way came.
    pub sync_refused: Vec<Instant>,
}

#[derive(Clone)]
struct AppState {
    upstream: Option<String>,
    config_json: Option<String>,
    http: reqwest::Client,
    recorded: Arc<Mutex<Recorded>>,
}

pub struct ServerOptions<'a> {
    pub dist: &'a Path,
    /// Synapse's base URL, proxied at `/_matrix` and `/_synapse/client`.
    pub upstream: Option<String>,
    /// Served as `/config.json` instead of the file in dist/.
    pub config_json: Option<String>,
    /// Origins added to `connect-src` besides `'self'`.
    pub extra_connect: Vec<String>,
    /// Address to bind; port 0 picks a free one.
    pub bind: SocketAddr,
}

pub struct AppServer {
    pub origin: String,
    pub recorded: Arc<Mutex<Recorded>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for AppServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl AppServer {
    pub async fn start(options: ServerOptions<'_>) -> anyhow::Result<Self> {
        let recorded = Arc::new(Mutex::new(Recorded::default()));
        let state = AppState {
            upstream: options.upstream,
            config_json: options.config_json.clone(),
            // A reverse proxy passes redirects on (single sign-on's go to the provider).
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()?,
            recorded: recorded.clone(),
        };
        let served_config = match &options.config_json {
            Some(json) => json.clone(),
            None => std::fs::read_to_string(options.dist.join("config.json"))
                .unwrap_or_else(|_| "{}".to_owned()),
        };
        // A config.json the script rejects (the tests of bad configs) is served under
        // the default policy: the app must still say what is wrong with it.
        let csp =
            content_security_policy(&served_config, &options.extra_connect, Some("/csp-report"))
                .or_else(|_| {
                    content_security_policy("{}", &options.extra_connect, Some("/csp-report"))
                })?;
        let index = options.dist.join("index.html");
        let static_files = ServeDir::new(options.dist).fallback(ServeFile::new(index));
        let mut app = Router::new();
        if state.config_json.is_some() {
            app = app.route("/config.json", get(config_json));
        }
        // What is proxied from Synapse gets the sandbox policies of the nginx
        // deployment (deploy/nginx/lattice-proxied*.conf), not the app's.
        let api = Router::new().route("/_matrix/{*rest}", any(proxy)).layer(
            SetResponseHeaderLayer::overriding(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("sandbox; default-src 'none'; frame-ancestors 'none'"),
            ),
        );
        let pages = Router::new()
            .route("/_synapse/{*rest}", any(proxy))
            .layer(SetResponseHeaderLayer::overriding(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(
                    "sandbox allow-forms allow-scripts allow-top-navigation; img-src 'self' data:; frame-ancestors 'none'",
                ),
            ));
        let app = app
            .route("/csp-report", post(csp_report))
            .fallback_service(static_files)
            .layer(SetResponseHeaderLayer::overriding(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_str(&csp)?,
            ))
            .merge(api)
            .merge(pages)
            .with_state(state);
        let listener = tokio::net::TcpListener::bind(options.bind).await?;
        let origin = format!("http://{}", listener.local_addr()?);
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(Self {
            origin,
            recorded,
            task,
        })
    }

    pub fn csp_reports(&self) -> Vec<String> {
        self.recorded
            .lock()
            .map(|r| r.csp_reports.clone())
            .unwrap_or_default()
    }

    /// Makes `/_matrix` answer 502 Bad Gateway (`true`) or proxy again (`false`).
    pub fn set_upstream_down(&self, down: bool) {
        if let Ok(mut recorded) = self.recorded.lock() {
            recorded.upstream_down = down;
        }
    }

    /// Refuses sync requests with 429 for `span` from now (see `Recorded`).
    pub fn limit_sync_for(&self, span: Duration) {
        if let Ok(mut recorded) = self.recorded.lock() {
            recorded.sync_limited_until = Some(Instant::now() + span);
        }
    }

    /// When each sync request refused by `limit_sync_for` came.
    pub fn sync_refused(&self) -> Vec<Instant> {
        self.recorded
            .lock()
            .map(|r| r.sync_refused.clone())
            .unwrap_or_default()
    }

    pub fn requests(&self) -> Vec<String> {
        self.recorded
            .lock()
            .map(|r| r.requests.clone())
            .unwrap_or_default()
    }

    pub fn access_tokens(&self) -> Vec<String> {
        self.recorded
            .lock()
            .map(|r| r.access_tokens.clone())
            .unwrap_or_default()
    }
}

async fn config_json(State(state): State<AppState>) -> Response {
    let json = state.config_json.unwrap_or_default();
    ([(header::CONTENT_TYPE, "application/json")], json).into_response()
}

async fn csp_report(State(state): State<AppState>, body: Bytes) -> StatusCode {
    let report = String::from_utf8_lossy(&body).into_owned();
    eprintln!("CSP violation: {report}");
    if let Ok(mut recorded) = state.recorded.lock() {
        recorded.csp_reports.push(report);
    }
    StatusCode::NO_CONTENT
}

async fn proxy(State(state): State<AppState>, request: Request) -> Response {
    let Some(upstream) = state.upstream.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if state.recorded.lock().is_ok_and(|r| r.upstream_down) {
        return StatusCode::BAD_GATEWAY.into_response();
    }
    if request.uri().path().ends_with("/sync")
        && let Some(wait) = sync_limited(&state)
    {
        let body = serde_json::json!({
            "errcode": "M_LIMIT_EXCEEDED",
            "error": "Too Many Requests",
            // With a margin: a client that waits this long finds the limit over, even
            // if its timer fires a little early.
            "retry_after_ms": wait.as_millis() as u64 + 100,
        });
        return (StatusCode::TOO_MANY_REQUESTS, axum::Json(body)).into_response();
    }
    let path = request
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let url = format!("{upstream}{path}");
    let method = request.method().clone();
    if let Ok(mut recorded) = state.recorded.lock() {
        recorded.requests.push(format!("{method} {path}"));
    }
    // `Host` stays, as nginx's `proxy_set_header Host $http_host` keeps it: Synapse
    // sends single sign-on back to its public address only when asked there.
    let mut headers = request.headers().clone();
    for hop in [
        header::CONNECTION,
        header::CONTENT_LENGTH,
        header::TRANSFER_ENCODING,
    ] {
        headers.remove(hop);
    }
    if let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        && let Ok(mut recorded) = state.recorded.lock()
        && !recorded.access_tokens.iter().any(|t| t == token)
    {
        recorded.access_tokens.push(token.to_owned());
    }
    let body = match axum::body::to_bytes(request.into_body(), 256 * 1024 * 1024).await {
        Ok(body) => body,
        Err(_) => return StatusCode::BAD_REQUEST.into_response(),
    };
    let upstream_response = match state
        .http
        .request(method, url)
        .headers(headers)
        .body(body)
        .send()
        .await
    {
        Ok(response) => response,
        Err(_) => return StatusCode::BAD_GATEWAY.into_response(),
    };
    let mut response = Response::builder().status(upstream_response.status());
    for (name, value) in upstream_response.headers() {
        if name != header::TRANSFER_ENCODING && name != header::CONNECTION {
            response = response.header(name, value);
        }
    }
    response
        .body(Body::from_stream(upstream_response.bytes_stream()))
        .unwrap_or_else(|_| StatusCode::BAD_GATEWAY.into_response())
}

/// How long a sync request arriving now still has to wait, if sync is being refused
/// (and then records it).
fn sync_limited(state: &AppState) -> Option<Duration> {
    let mut recorded = state.recorded.lock().ok()?;
    let now = Instant::now();
    let wait = recorded.sync_limited_until?.checked_duration_since(now)?;
    recorded.sync_refused.push(now);
    Some(wait)
}

/// A plain static web server that is not Matrix: answers every path with a page.
pub async fn start_plain_server() -> anyhow::Result<(String, tokio::task::JoinHandle<()>)> {
    let app = Router::new().fallback(|| async { "<!doctype html><p>Just a web page</p>" });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let origin = format!("http://{}", listener.local_addr()?);
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok((origin, task))
}

/// An origin on loopback where nothing listens.
pub fn dead_origin() -> anyhow::Result<String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    drop(listener);
    Ok(format!("http://127.0.0.1:{port}"))
}
