package smaregi

import (
	"fmt"
	"net"

	"salondesk/sync/smaregi"
)

// LANAddress is this PC's address on the salon's network, the first non-loopback IPv4
// of an interface that is up ("" when there is none): the host Smaregi must POST to.
func LANAddress() string {
	ifaces, err := net.Interfaces()
	if err != nil {
		return ""
	}
	for _, ifc := range ifaces {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
				return n.IP.To4().String()
			}
		}
	}
	return ""
}

// ReceiverURL is the スマレジAPI 送信URL to paste into Smaregi's API送信設定 for a
// receiver listening on port of host; "" when the receiver is not listening.
func ReceiverURL(host string, port int) string {
	if port == 0 || host == "" {
		return ""
	}
	return fmt.Sprintf("http://%s%s", net.JoinHostPort(host, fmt.Sprint(port)), smaregi.DefaultReceiverPath)
}
