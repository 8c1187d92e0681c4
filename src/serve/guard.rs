//! What keeps the room standing against a careless or hostile visitor: the limits on
//! connections, time and queues; a listener that counts its connections and closes silent ones;
//! the Host and Origin a WebSocket may come from; text made safe for the facilitator's terminal.
use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::http::HeaderMap;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};

/// The room's limits; the defaults suit a class of 30 on the workshop's own network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Open TCP connections at once: the players' sockets and their pages' files. One more is
    /// closed as soon as it is accepted.
    pub connections: usize,
    /// Open connections from one address: a stranger's machine cannot take every place (a
    /// test that plays 30 players from this machine needs 30 and their pages).
    pub per_address: usize,
    /// A WebSocket that has not joined the room by then is closed.
    pub join_within: Duration,
    /// Each player's browser is pinged this often (it answers by itself).
    pub ping_every: Duration,
    /// A connection that sends nothing this long (not even a ping's answer) is closed.
    pub idle_after: Duration,
    /// Messages waiting to go out to one player: a player this far behind is let go, and comes
    /// back with its seat's token.
    pub queue: usize,
    /// One message may take this long to go out before its player is let go.
    pub send_within: Duration,
    /// `quit` waits this long for connections to close, then saves the room and exits.
    pub shutdown_within: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            connections: 256,
            per_address: 64,
            join_within: Duration::from_secs(10),
            ping_every: Duration::from_secs(15),
            idle_after: Duration::from_secs(45),
            queue: 64,
            send_within: Duration::from_secs(10),
            shutdown_within: Duration::from_secs(3),
        }
    }
}

/// The kernel's send buffer of each connection, in bytes (Linux doubles it).
const SEND_BUFFER_BYTES: usize = 64 * 1024;

/// A listener that holds at most `Limits::connections` connections, `Limits::per_address` from
/// one address, and closes the silent ones.
pub struct Guarded {
    listener: TcpListener,
    permits: Arc<Semaphore>,
    per_address: usize,
    addresses: Arc<Mutex<HashMap<IpAddr, usize>>>,
    idle_after: Duration,
}

impl Guarded {
    pub fn new(listener: TcpListener, limits: &Limits) -> Guarded {
        Guarded {
            listener,
            permits: Arc::new(Semaphore::new(limits.connections)),
            per_address: limits.per_address,
            addresses: Arc::default(),
            idle_after: limits.idle_after,
        }
    }
}

/// A connection's place among those of its address, given back when it closes.
struct AddressPlace {
    address: IpAddr,
    addresses: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

impl AddressPlace {
    /// A place for one more connection from `address`, if it has fewer than `most`.
    fn take(
        addresses: &Arc<Mutex<HashMap<IpAddr, usize>>>,
        address: IpAddr,
        most: usize,
    ) -> Option<AddressPlace> {
        let mut open = addresses
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let n = open.entry(address).or_insert(0);
        if *n >= most {
            return None;
        }
        *n += 1;
        Some(AddressPlace {
            address,
            addresses: addresses.clone(),
        })
    }
}

impl Drop for AddressPlace {
    fn drop(&mut self) {
        let mut open = self
            .addresses
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(n) = open.get_mut(&self.address) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.remove(&self.address);
            }
        }
    }
}

impl axum::serve::Listener for Guarded {
    type Io = GuardedIo;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (GuardedIo, std::net::SocketAddr) {
        loop {
            let (stream, address) = match self.listener.accept().await {
                Ok(accepted) => accepted,
                // Out of file descriptors, or a connection reset before it was accepted: wait
                // a moment rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            // Over a limit: closed at once (dropped), so the listener stays responsive.
            let Some(place) =
                AddressPlace::take(&self.addresses, machine(address.ip()), self.per_address)
            else {
                continue;
            };
            let Ok(permit) = self.permits.clone().try_acquire_owned() else {
                continue;
            };
            // Each message goes out at once, not held back to be joined with the next (Nagle).
            let _ = stream.set_nodelay(true);
            // What the kernel holds for a player who reads nothing is bounded too (a few
            // views), instead of growing to megabytes; then `send_within` lets it go.
            let _ = socket2::SockRef::from(&stream).set_send_buffer_size(SEND_BUFFER_BYTES);
            let io = GuardedIo {
                stream,
                _permit: permit,
                _place: place,
                idle: Box::pin(tokio::time::sleep(self.idle_after)),
                idle_after: self.idle_after,
            };
            return (io, address);
        }
    }

    fn local_addr(&self) -> io::Result<std::net::SocketAddr> {
        self.listener.local_addr()
    }
}

/// Where a connection comes from, for the handlers (axum's connect info).
#[derive(Clone, Copy, Debug)]
pub struct Peer(pub std::net::SocketAddr);

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, Guarded>> for Peer {
    fn connect_info(stream: axum::serve::IncomingStream<'_, Guarded>) -> Peer {
        Peer(*stream.remote_addr())
    }
}

/// An accepted connection: it holds its place under the limit until closed, and fails when
/// nothing has moved either way for `idle_after`: nothing read from it and nothing written to it
/// (a half-sent request, a bare socket, a vanished browser; a page still downloading is not
/// idle).
pub struct GuardedIo {
    stream: TcpStream,
    _permit: OwnedSemaphorePermit,
    _place: AddressPlace,
    idle: Pin<Box<Sleep>>,
    idle_after: Duration,
}

impl GuardedIo {
    /// Something moved: the connection is not idle.
    fn moved(&mut self) {
        let deadline = Instant::now() + self.idle_after;
        self.idle.as_mut().reset(deadline);
    }
}

impl AsyncRead for GuardedIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        let before = buf.filled().len();
        match Pin::new(&mut this.stream).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    this.moved();
                }
                Poll::Ready(Ok(()))
            }
            Poll::Pending if this.idle.as_mut().poll(cx).is_ready() => {
                Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the connection was silent too long",
                )))
            }
            other => other,
        }
    }
}

impl AsyncWrite for GuardedIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(written, Poll::Ready(Ok(n)) if n > 0) {
            self.moved();
        }
        written
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(written, Poll::Ready(Ok(n)) if n > 0) {
            self.moved();
        }
        written
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}

/// Whether a WebSocket may open from this request: the Host is an address typed by hand (an IP
/// address or `localhost`, never a name a stranger's DNS could point here), and a browser's
/// Origin, when it sends one, is that same host (not a page of another site).
pub fn allowed_origin(headers: &HeaderMap) -> bool {
    let header = |name| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    let Some(host) = header(axum::http::header::HOST) else {
        return false;
    };
    if !is_address(host) {
        return false;
    }
    match header(axum::http::header::ORIGIN) {
        None => true,
        Some(origin) => origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"))
            .is_some_and(|o| o.eq_ignore_ascii_case(host)),
    }
}

/// The machine an address stands for: an IPv4 address, or an IPv6 address's /64 network (one
/// machine may take any address in its network).
pub fn machine(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(std::net::Ipv6Addr::from(bits))
        }
        v4 => v4,
    }
}

/// `192.168.1.20:8080`, `[::1]:8080`, `localhost:8080` (with or without the port).
fn is_address(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !name.ends_with(':') && port.parse::<u16>().is_ok() => name,
        _ => host,
    };
    let name = name.trim_start_matches('[').trim_end_matches(']');
    name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok()
}

/// Text from a stranger, made safe to print on the facilitator's terminal: control characters
/// (escape sequences, bells, carriage returns) are written as `\u{1b}`, and the whole is cut to
/// 300 characters.
pub fn printable(text: &str) -> String {
    const MOST: usize = 300;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == MOST {
            out.push('…');
            break;
        }
        let bidi = matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_bytes_never_reach_the_terminal() {
        let hostile = "room \u{1b}[2J\u{1b}]0;owned\u{7}\r\n\u{202e}txt\u{2067}";
        let safe = printable(hostile);
        assert!(!safe.chars().any(char::is_control), "{safe}");
        assert!(
            !safe.contains('\u{202e}') && !safe.contains('\u{2067}'),
            "{safe}"
        );
        assert!(safe.starts_with("room \\u{1b}[2J"), "{safe}");
        assert_eq!(printable(&"x".repeat(1_000)).chars().count(), 301);
    }

    #[test]
    fn a_websocket_opens_from_an_address_typed_by_hand_and_its_own_page() {
        let headers = |host: &str, origin: Option<&str>| {
            let mut h = HeaderMap::new();
            h.insert(axum::http::header::HOST, host.parse().unwrap());
            if let Some(o) = origin {
                h.insert(axum::http::header::ORIGIN, o.parse().unwrap());
            }
            h
        };
        assert!(allowed_origin(&headers("192.168.1.20:8080", None)));
        assert!(allowed_origin(&headers(
            "192.168.1.20:8080",
            Some("http://192.168.1.20:8080")
        )));
        assert!(allowed_origin(&headers(
            "[::1]:8080",
            Some("http://[::1]:8080")
        )));
        assert!(allowed_origin(&headers("localhost:8080", None)));
        assert!(!allowed_origin(&headers(
            "192.168.1.20:8080",
            Some("http://evil.example")
        )));
        // DNS rebinding: a stranger's name pointed at this machine.
        assert!(!allowed_origin(&headers(
            "evil.example:8080",
            Some("http://evil.example:8080")
        )));
        assert!(!allowed_origin(&HeaderMap::new()));
    }
}
