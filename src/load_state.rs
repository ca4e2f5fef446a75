use crate::error::AppError;

/// The one shape every asynchronous surface of the UI takes.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum LoadState {
    #[default]
    Idle,
    Loading,
    Ready,
    Failed(AppError),
}

impl LoadState {
    pub fn is_loading(&self) -> bool {
        matches!(self, LoadState::Loading)
    }

    pub fn error(&self) -> Option<&AppError> {
        match self {
            LoadState::Failed(error) => Some(error),
            _ => None,
        }
    }
}
