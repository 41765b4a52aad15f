//! The stdio transport: LSP's `Content-Length` frames on stdin and stdout.
//!
//! Written here rather than taken from `lsp-server`'s, whose reader stops at
//! the first malformed message: a frame that is not JSON-RPC is answered
//! with a parse error (id `null`) and the next one is read.

use std::io::{BufRead, Read, Write};

use crossbeam_channel::{Receiver, Sender};
use lsp_server::Message;

/// The largest message read; a larger one is skipped.
const MAX_MESSAGE: usize = 256 * 1024 * 1024;

/// Why a frame could not be read.
enum Frame {
    /// A body.
    Body(Vec<u8>),
    /// The headers were not usable; the message is skipped.
    Bad(String),
    /// End of input.
    End,
}

fn read_frame(r: &mut impl BufRead) -> std::io::Result<Frame> {
    let mut size: Option<Result<usize, String>> = None;
    let mut line = String::new();
    let mut any = false;
    loop {
        line.clear();
        if r.read_line(&mut line)? == 0 {
            return Ok(Frame::End);
        }
        let l = line.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            if any {
                break;
            }
            continue;
        }
        any = true;
        if let Some((name, value)) = l.split_once(':')
            && name.trim().eq_ignore_ascii_case("Content-Length")
        {
            size = Some(
                value
                    .trim()
                    .parse()
                    .map_err(|_| format!("bad Content-Length: {value:?}")),
            );
        }
    }
    let size = match size {
        None => return Ok(Frame::Bad("a message without Content-Length".into())),
        Some(Err(e)) => return Ok(Frame::Bad(e)),
        Some(Ok(n)) => n,
    };
    if size > MAX_MESSAGE {
        std::io::copy(&mut r.take(size as u64), &mut std::io::sink())?;
        return Ok(Frame::Bad(format!("a message of {size} bytes, too large")));
    }
    let mut body = vec![0; size];
    r.read_exact(&mut body)?;
    Ok(Frame::Body(body))
}

/// Writes one frame holding `text` to stdout.
fn write_text(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    write!(out, "Content-Length: {}\r\n\r\n", text.len())?;
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Answers a message that could not be read with a JSON-RPC parse error.
fn parse_error(message: &str) {
    let text = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": -32700, "message": message },
    })
    .to_string();
    let _ = write_text(&text);
}

/// Starts the reader and writer threads; returns the channels the server
/// reads and writes messages on, and the writer thread (join it after
/// dropping every sender, so that the last answers are written). The
/// receiver closes at end of input or after `exit`.
pub fn stdio() -> (
    Sender<Message>,
    Receiver<Message>,
    std::thread::JoinHandle<()>,
) {
    let (to_server, incoming) = crossbeam_channel::unbounded::<Message>();
    let (outgoing, to_client) = crossbeam_channel::unbounded::<Message>();
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut r = stdin.lock();
        loop {
            match read_frame(&mut r) {
                Ok(Frame::End) | Err(_) => break,
                Ok(Frame::Bad(why)) => parse_error(&why),
                Ok(Frame::Body(body)) => match serde_json::from_slice::<Message>(&body) {
                    Ok(msg) => {
                        let exit = matches!(&msg, Message::Notification(n) if n.method == "exit");
                        if to_server.send(msg).is_err() || exit {
                            break;
                        }
                    }
                    Err(e) => parse_error(&format!("not a JSON-RPC message: {e}")),
                },
            }
        }
    });
    let writer = std::thread::spawn(move || {
        for msg in to_client {
            let Ok(text) = serde_json::to_value(&msg).map(|mut v| {
                v["jsonrpc"] = "2.0".into();
                v.to_string()
            }) else {
                continue;
            };
            if write_text(&text).is_err() {
                break;
            }
        }
    });
    (outgoing, incoming, writer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_survive_bad_headers() {
        let input =
            b"Content-Length: x\r\n\r\nContent-Length: 2\r\n\r\n{}\nContent-Length: 2\n\n[]";
        let mut r = std::io::Cursor::new(&input[..]);
        assert!(matches!(read_frame(&mut r).unwrap(), Frame::Bad(_)));
        assert!(matches!(read_frame(&mut r).unwrap(), Frame::Body(b) if b == b"{}"));
        assert!(matches!(read_frame(&mut r).unwrap(), Frame::Body(b) if b == b"[]"));
        assert!(matches!(read_frame(&mut r).unwrap(), Frame::End));
    }
}
