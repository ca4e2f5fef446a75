pub mod home_page;
pub mod login_page;

pub use home_page::HomePage;
pub use login_page::LoginPage;
