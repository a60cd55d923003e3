package smaregi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
)

// MaxSentBody is the largest POST the receiver reads (1 MiB); a larger one is 413.
const MaxSentBody = 1 << 20

// HeaderReceiverToken is the header the salon adds in Smaregi's 個別設定 (ヘッダ情報),
// holding the IDコード SalonDesk issued. Header names are case-insensitive.
const HeaderReceiverToken = "x-access-token"

// TokenHashes gives the hashes (HashToken) of the tokens the receiver accepts: the
// IDコード issued and not revoked. The app implements it; it is asked on every POST,
// so that a revoked token stops at once.
type TokenHashes interface {
	ReceiverTokenHashes(ctx context.Context) ([]string, error)
}

// TransactionSink takes the transactions of one POST. The app implements it: it
// stores them durably and idempotently by transactionHeadId (the same transaction
// arrives twice, and by pull as well) and returns nil only once they are stored. An
// error makes the receiver answer 500, so that Smaregi sends them again.
type TransactionSink interface {
	ReceiveTransactions(ctx context.Context, txs []Transaction) error
}

// Receiver is the http.Handler for 取引情報送信 (API送信設定): it checks the token,
// reads the body and hands the transactions to the sink.
type Receiver struct {
	tokens TokenHashes
	sink   TransactionSink
	log    *slog.Logger
}

// NewReceiver returns the handler; log nil logs nothing. Tokens and bodies are never
// logged.
func NewReceiver(tokens TokenHashes, sink TransactionSink, log *slog.Logger) *Receiver {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Receiver{tokens: tokens, sink: sink, log: log}
}

// ServeHTTP answers:
//   - 405 to anything but POST;
//   - 401 when x-access-token is missing or matches no stored hash (nothing read,
//     nothing recorded); 503 when the hashes cannot be read;
//   - 413 for a body over MaxSentBody, 400 for one that cannot be read;
//   - 200 for a proc_name other than transaction_send (nothing of ours), and for
//     transactions once the sink returned nil; 500 when it did not.
func (rc *Receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		answer(w, http.StatusMethodNotAllowed, "method not allowed")
		return
	}
	token := r.Header.Get(HeaderReceiverToken)
	if token == "" {
		rc.log.Warn("smaregi receiver: POST without token", "remote", r.RemoteAddr)
		answer(w, http.StatusUnauthorized, "unauthorized")
		return
	}
	hashes, err := rc.tokens.ReceiverTokenHashes(r.Context())
	if err != nil {
		rc.log.Error("smaregi receiver: token hashes unavailable", "error", err)
		answer(w, http.StatusServiceUnavailable, "unavailable")
		return
	}
	if !tokenMatches(token, hashes) {
		rc.log.Warn("smaregi receiver: wrong token", "remote", r.RemoteAddr)
		answer(w, http.StatusUnauthorized, "unauthorized")
		return
	}
	body, err := readBody(w, r)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			rc.log.Warn("smaregi receiver: body too large", "limit", MaxSentBody)
			answer(w, http.StatusRequestEntityTooLarge, "too large")
			return
		}
		answer(w, http.StatusBadRequest, "unreadable body")
		return
	}
	sent, err := ParseSent(body)
	if err != nil {
		rc.log.Warn("smaregi receiver: bad body", "error", err, "bytes", len(body))
		answer(w, http.StatusBadRequest, "bad request")
		return
	}
	if sent.Orphans > 0 {
		rc.log.Warn("smaregi receiver: details without their head skipped", "count", sent.Orphans)
	}
	if sent.Proc != ProcTransactionSend || len(sent.Transactions) == 0 {
		answer(w, http.StatusOK, "OK")
		return
	}
	if err := rc.sink.ReceiveTransactions(r.Context(), sent.Transactions); err != nil {
		rc.log.Error("smaregi receiver: transactions not stored", "count", len(sent.Transactions), "error", err)
		answer(w, http.StatusInternalServerError, "not stored")
		return
	}
	rc.log.Info("smaregi receiver: transactions stored", "count", len(sent.Transactions))
	answer(w, http.StatusOK, "OK")
}

func answer(w http.ResponseWriter, status int, result string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"result": result})
}

// readBody reads at most MaxSentBody bytes. A multipart/form-data POST (some senders
// use it for forms) is turned into the url-encoded form ParseSent reads.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxSentBody)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		return io.ReadAll(r.Body)
	}
	if err := r.ParseMultipartForm(MaxSentBody); err != nil {
		return nil, err
	}
	form := url.Values{}
	for _, k := range []string{"proc_name", "params"} {
		if v, ok := r.MultipartForm.Value[k]; ok && len(v) > 0 {
			form.Set(k, v[0])
		}
	}
	return []byte(form.Encode()), nil
}
