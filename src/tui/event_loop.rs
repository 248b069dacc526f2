//! The loop: draw, wait for an event or a tick, keymap → action → update → effects, until the app quits, the events run out or a signal asks it to stop. Generic over the ratatui backend and the event source, so tests run it over `TestBackend` with scripted keys.

use super::*;

/// Applies an action and every action its effects produce.
pub fn dispatch(app: &mut App, effects: &mut Effects<'_>, action: Action) {
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in update(app, action) {
            queue.push_back(effects.run(effect, app));
        }
    }
}

/// [`dispatch`], drawing the screen before a load that can take a moment (a week's review,
/// the team board of a large branch) so the screen says it is loading instead of freezing.
fn dispatch_drawn<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    effects: &mut Effects<'_>,
    action: Action,
) {
    let mut queue = VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in update(app, action) {
            if matches!(effect, Effect::LoadTeam(_) | Effect::LoadReview(_)) {
                // A frame that fails to draw is only a missed "loading" line; the loop's own
                // draw reports terminal errors.
                let _ = terminal.draw(|frame| ui::render(frame, app));
            }
            queue.push_back(effects.run(effect, app));
        }
    }
}

/// The loop: draw, wait for an event (or a tick), update, until the app quits, events run out
/// or a signal asks it to stop. What is typed is kept in the draft file as it changes.
pub fn run_loop<B: Backend, E: EventSource>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    effects: &mut Effects<'_>,
    events: &mut E,
    keeper: &mut DraftKeeper,
) -> Result<()>
where
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let io = |e: B::Error| Error::io("terminal", std::io::Error::other(e));
    // A second copy writing makes ours wait a moment, then say so and retry from here.
    effects.store.set_busy_timeout(WRITE_WAIT)?;
    let size = terminal.size().map_err(io)?;
    dispatch(app, effects, Action::Resize(size.width, size.height));
    // The first queue is built as of now: call-backs already past count as overdue.
    dispatch(
        app,
        effects,
        Action::Clock(crate::clock::now_on(app.ctx.today)),
    );
    for effect in app.start() {
        let action = effects.run(effect, app);
        dispatch(app, effects, action);
    }
    // Offered once the queue is loaded: a snooze's row must be there to reopen it on.
    if let Some(draft) = keeper.found() {
        dispatch(app, effects, Action::DraftFound(Box::new(draft)));
    }
    let mut redraw = true;
    let mut last_retry = Instant::now();
    // The minute the queue was last built for: a new minute builds it again.
    let mut minute = minute_of(app.ctx.now);
    loop {
        let now = crate::clock::now_on(app.ctx.today);
        if minute_of(now) != minute {
            minute = minute_of(now);
            dispatch(app, effects, Action::Tick(now));
            redraw = true;
        }
        let pending = keeper.keep(app, false);
        if redraw {
            terminal.draw(|frame| ui::render(frame, app)).map_err(io)?;
            redraw = false;
        }
        if app.quit {
            return Ok(());
        }
        if app.busy.is_some() && last_retry.elapsed() >= RETRY_EVERY {
            last_retry = Instant::now();
            dispatch(app, effects, Action::RetryBusy);
            redraw = true;
            continue;
        }
        let wait = if pending || app.busy.is_some() {
            TICK
        } else {
            TICK * 3
        };
        let event = match events.next_event(wait)? {
            Polled::Ended => return Ok(()),
            Polled::Tick => continue,
            Polled::Event(event) => event,
        };
        redraw = true;
        match event {
            Event::Key(key) => {
                dispatch(
                    app,
                    effects,
                    Action::Clock(crate::clock::now_on(app.ctx.today)),
                );
                if let Some(action) = action_for(app, key) {
                    dispatch_drawn(terminal, app, effects, action);
                }
            }
            // Bracketed paste: the text arrives whole, so none of it runs as keys.
            Event::Paste(text) => dispatch(app, effects, Action::Paste(text)),
            Event::Resize(w, h) => dispatch(app, effects, Action::Resize(w, h)),
            _ => {}
        }
    }
}

/// The moment cut to its minute (the clock tick's step).
fn minute_of(at: chrono::NaiveDateTime) -> i64 {
    at.and_utc().timestamp().div_euclid(60)
}
