//! The full-screen front end: the event loop that ties the engine, the keys and the clock
//! to the drawing in `screen`.
