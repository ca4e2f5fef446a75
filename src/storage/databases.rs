//! Deleting the SDK's IndexedDB databases of a session. Every session's stores share
//! one random prefix, so deleting by prefix also catches databases a future SDK adds.

use indexed_db_futures::factory::DBFactory;

use crate::error::AppError;

fn storage_error(context: &str, error: impl std::fmt::Display) -> AppError {
    AppError::storage(format!("{context}: {error}"))
}

/// Names of all databases of this origin.
pub async fn list() -> Result<Vec<String>, AppError> {
    let factory = DBFactory::new().map_err(|e| storage_error("IndexedDB", e))?;
    let databases = factory
        .databases()
        .map_err(|e| storage_error("list databases", e))?
        .await
        .map_err(|e| storage_error("list databases", e))?;
    Ok(databases
        .filter_map(Result::ok)
        .map(|db| db.name().to_owned())
        .collect())
}

/// Requests deletion of every database whose name starts with `prefix`. Deletion
/// finishes once the last connection closes; this does not wait for that.
pub async fn delete_with_prefix(prefix: &str) -> Result<(), AppError> {
    let factory = DBFactory::new().map_err(|e| storage_error("IndexedDB", e))?;
    for name in list().await?.into_iter().filter(|n| n.starts_with(prefix)) {
        // Dropping the request does not cancel it: the browser deletes the
        // database as soon as no connection holds it open.
        drop(
            factory
                .delete_db(&name)
                .map_err(|e| storage_error("delete database", e))?,
        );
    }
    Ok(())
}
