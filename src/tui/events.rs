//! Where the loop's events come from: the terminal (and the signals that ask the app to stop), or a script in tests.

use super::*;

/// What waiting for input gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Polled {
    /// An event from the terminal (or the script).
    Event(Event),
    /// Nothing came in time.
    Tick,
    /// The loop should end: a script ran out, or a signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT)
    /// asked the app to stop.
    Ended,
}

/// Where events come from: the real terminal, or a script in tests.
pub trait EventSource {
    /// The next event, waiting at most `timeout`.
    fn next_event(&mut self, timeout: Duration) -> Result<Polled>;
}

/// Reads events from the terminal, and notices the signals that ask the app to stop.
pub struct TerminalEvents {
    stop: Arc<AtomicBool>,
    signals: Vec<signal_hook::SigId>,
}

impl TerminalEvents {
    /// Starts listening for SIGTERM (`kill`), SIGHUP (the terminal closed, logout), SIGINT and
    /// SIGQUIT: each only raises a flag the loop reads, so the app ends through its normal
    /// path — terminal restored, draft kept, the demo's temporary directory removed.
    pub fn new() -> Result<TerminalEvents> {
        let stop = Arc::new(AtomicBool::new(false));
        let mut signals = Vec::new();
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGQUIT,
        ] {
            let id = signal_hook::flag::register(signal, Arc::clone(&stop))
                .map_err(|e| Error::io("signals", e))?;
            signals.push(id);
        }
        Ok(TerminalEvents { stop, signals })
    }
}

impl Drop for TerminalEvents {
    fn drop(&mut self) {
        for id in self.signals.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

impl EventSource for TerminalEvents {
    fn next_event(&mut self, timeout: Duration) -> Result<Polled> {
        if self.stop.load(Ordering::SeqCst) {
            return Ok(Polled::Ended);
        }
        let ready = match event::poll(timeout) {
            Ok(ready) => ready,
            // A signal arriving mid-wait: the flag is read on the next call.
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => false,
            Err(e) => return Err(Error::io("terminal", e)),
        };
        if self.stop.load(Ordering::SeqCst) {
            return Ok(Polled::Ended);
        }
        if !ready {
            return Ok(Polled::Tick);
        }
        event::read()
            .map(Polled::Event)
            .map_err(|e| Error::io("terminal", e))
    }
}

/// A scripted list of events, for tests; the loop ends when it runs out.
pub struct ScriptedEvents(pub VecDeque<Event>);

impl EventSource for ScriptedEvents {
    fn next_event(&mut self, _timeout: Duration) -> Result<Polled> {
        Ok(self.0.pop_front().map_or(Polled::Ended, Polled::Event))
    }
}
